import type { Static } from 'typebox';
import type { Source } from '../schemas/incidents';
import type { Casualties } from './incident-types';

export type IncidentSource = Static<typeof Source>;

export interface LateDiscoveryInput {
  source: IncidentSource;
  occurredAt: string;
  receivedAt: string;
}

const HOUR_MS = 3_600_000;

/**
 * The software only raises a suspicion for the officer to check; whether a report was late or
 * concealed (瞒报) is a finding for the investigation, never for the console.
 */
export const LATE_DISCOVERY_REASON = '举报/媒体获知，距事发超过 1 小时，疑似迟报或瞒报，待核查';

/** Flagged when first learned from a tip-off or the media more than an hour (strictly) after it happened. */
export function lateDiscoveryFlag(input: LateDiscoveryInput): { flagged: boolean; reason: string | null } {
  const outside = input.source === 'tip_off' || input.source === 'media';
  const gap = new Date(input.receivedAt).getTime() - new Date(input.occurredAt).getTime();
  return outside && gap > HOUR_MS
    ? { flagged: true, reason: LATE_DISCOVERY_REASON }
    : { flagged: false, reason: null };
}

/** Every casualty figure, in the order reports list them. */
export const CASUALTY_FIELDS = [
  'deaths',
  'missing',
  'seriousInjuries',
  'poisoned',
  'minorInjuries',
  'injuredUnknown',
  'trapped',
  'endangered',
  'evacuated',
] as const satisfies readonly (keyof Casualties)[];

export type CasualtyField = (typeof CASUALTY_FIELDS)[number];

/** The figures that differ between two snapshots; a missing figure counts as 0. */
export function figuresChanged(a: Casualties, b: Casualties): CasualtyField[] {
  return CASUALTY_FIELDS.filter((f) => (a[f] ?? 0) !== (b[f] ?? 0));
}
