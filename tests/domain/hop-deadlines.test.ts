import { NATIONAL_DEFAULT_POLICY, validatePolicy } from '@shared/domain/deadline-policy';
import { computeObligations } from '@shared/domain/deadlines';
import type { ObligationInput } from '@shared/domain/incident-types';
import { describe, expect, it } from 'vitest';

// A community's report received at 10:00 Shanghai (02:00Z) on 10 March 2026.
const input = (hops: ObligationInput['hops']): ObligationInput => ({
  category: 'flood',
  grade: null,
  nearMiss: false,
  occurredAt: '2026-03-10T01:50:00.000Z',
  receivedAt: '2026-03-10T02:00:00.000Z',
  figureChanges: [],
  reports: [],
  closedAt: null,
  zone: 'Asia/Shanghai',
  hops,
});
const hopsOf = (i: ObligationInput, policy = NATIONAL_DEFAULT_POLICY) =>
  computeObligations(i, policy)
    .filter((o) => o.kind === 'hop')
    .map((o) => [o.key, o.dueAt, o.doneAt, o.late]);

describe('hop clocks (DESIGN 2.7)', () => {
  it('community → township within 1 h of the receipt below: taken a second later is late', () => {
    expect(
      hopsOf(
        input([
          {
            hop: 'communityToTownship',
            receivedAt: '2026-03-10T02:00:00.000Z',
            takenAt: '2026-03-10T03:00:01.000Z',
          },
          { hop: 'townshipToDistrict', receivedAt: '2026-03-10T03:00:01.000Z', takenAt: null },
        ]),
      ),
    ).toEqual([
      ['hop:communityToTownship', '2026-03-10T03:00:00.000Z', '2026-03-10T03:00:01.000Z', true],
      // township → district within 1.5 h of the township's receipt.
      ['hop:townshipToDistrict', '2026-03-10T04:30:01.000Z', null, false],
    ]);
  });

  it('taken at the clock itself is on time; the district’s own incident has no hop', () => {
    expect(
      hopsOf(
        input([
          {
            hop: 'communityToTownship',
            receivedAt: '2026-03-10T02:00:00.000Z',
            takenAt: '2026-03-10T03:00:00.000Z',
          },
        ]),
      ),
    ).toEqual([['hop:communityToTownship', '2026-03-10T03:00:00.000Z', '2026-03-10T03:00:00.000Z', false]]);
    expect(hopsOf(input(undefined))).toEqual([]);
  });

  it('takes the clocks from the profile when it names them, and checks them', () => {
    const policy = {
      ...NATIONAL_DEFAULT_POLICY,
      hops: { communityToTownship: 'PT30M', townshipToDistrict: 'PT2H' },
    };
    expect(
      hopsOf(
        input([{ hop: 'townshipToDistrict', receivedAt: '2026-03-10T02:00:00.000Z', takenAt: null }]),
        policy,
      ),
    ).toEqual([['hop:townshipToDistrict', '2026-03-10T04:00:00.000Z', null, false]]);
    expect(validatePolicy(policy)).toEqual([]);
    expect(
      validatePolicy({
        ...NATIONAL_DEFAULT_POLICY,
        hops: { communityToTownship: 'soon', townshipToDistrict: 'PT1H' },
      }),
    ).toEqual(['hops.communityToTownship: invalid duration "soon", expected ISO 8601 such as PT30M']);
  });
});
