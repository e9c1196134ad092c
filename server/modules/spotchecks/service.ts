import type {
  AnswerSpotCheckBody,
  IssueSpotCheckBody,
  SpotCheck,
  SpotCheckQuery,
} from '@shared/schemas/spot-checks';
import type { User } from '@shared/schemas/users';
import type { DbOrTrx } from '../../db/database';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { addMinutes, nowStored, toStored } from '../../time';
import { dutyAt } from '../attendance/service';
import { getDutySettings } from '../settings/service';
import * as repo from './repo';

const MAX_LIST = 200;
const MAX_OPEN = 50;
/** The console's countdown shows what the current duty day may still answer; older ones are history. */
const OPEN_WINDOW_MS = 24 * 3_600_000;

function sourceFor(user: User, body: IssueSpotCheckBody): SpotCheck['source'] {
  const source = body.source ?? (user.roles.includes('leader') ? 'leader' : 'admin');
  if (source !== 'upper' && !user.roles.includes(source)) {
    throw new DutyError('DUTY_ERR_FORBIDDEN', `only a ${source} may record a spot-check as ${source}`);
  }
  if (source === 'upper' && !body.caller) {
    throw new DutyError(
      'DUTY_ERR_VALIDATION',
      'body.caller: missing field "caller" (who called from the upper level)',
    );
  }
  if (source !== 'upper' && body.caller !== undefined) {
    throw new DutyError(
      'DUTY_ERR_VALIDATION',
      'body.caller is only for a spot-check by an upper-level caller',
    );
  }
  return source;
}

export async function issueSpotCheck(tx: Tx, user: User, body: IssueSpotCheckBody): Promise<SpotCheck> {
  const source = sourceFor(user, body);
  const settings = await getDutySettings(tx.trx);
  const now = tx.clock.now();
  const spotCheck = await repo.insertSpotCheck(tx.trx, {
    source,
    caller: body.caller ?? '',
    note: body.note ?? '',
    issued_by: user.username,
    issued_at: toStored(now),
    due_at: toStored(addMinutes(now, settings.spotCheckLimitMinutes)),
    answered_at: null,
    answered_by: null,
    answer_note: null,
    missed_raised_at: null,
  });
  await tx.record({ type: 'spotcheck.issued', subject: `spotcheck:${spotCheck.id}`, payload: { spotCheck } });
  return spotCheck;
}

/** Only someone standing the post now answers: an officer or backup whose shift covers this instant. */
async function assertOnDuty(tx: Tx, zone: string, userId: number): Promise<void> {
  const duty = await dutyAt(tx.trx, zone, tx.clock.now());
  if (![...duty.officers, ...duty.backups].some((s) => s.userId === userId)) {
    throw new DutyError('DUTY_ERR_NOT_ROSTERED', 'only the officer on duty now answers a spot-check');
  }
}

export async function answerSpotCheck(
  tx: Tx,
  zone: string,
  user: User,
  id: number,
  body: AnswerSpotCheckBody,
): Promise<SpotCheck> {
  const before = (await repo.findSpotCheck(tx.trx, id)) ?? notFound(`spot-check ${id}`);
  if (before.answeredAt) {
    throw new DutyError(
      'DUTY_ERR_ALREADY_DONE',
      `answered already by ${before.answeredBy} at ${before.answeredAt}`,
    );
  }
  await assertOnDuty(tx, zone, user.id);
  const patch = {
    answered_at: nowStored(tx.clock),
    answered_by: user.username,
    answer_note: body.note ?? null,
  };
  if (!(await repo.markAnswered(tx.trx, id, patch)))
    throw new DutyError('DUTY_ERR_ALREADY_DONE', 'answered already');
  const spotCheck = (await repo.findSpotCheck(tx.trx, id))!;
  const late = spotCheck.status === 'late';
  await tx.record({ type: 'spotcheck.answered', subject: `spotcheck:${id}`, payload: { spotCheck, late } });
  return spotCheck;
}

export function listSpotChecks(db: DbOrTrx, query: SpotCheckQuery): Promise<SpotCheck[]> {
  if (query.from && query.to && Date.parse(query.to) < Date.parse(query.from)) {
    throw new DutyError('DUTY_ERR_VALIDATION', 'querystring.to is before querystring.from');
  }
  return repo.listSpotChecks(db, query, MAX_LIST);
}

/** Unanswered ones of the last day: open (counting down) and missed (still to be answered, late). */
export function openSpotChecks(db: DbOrTrx, now: Date): Promise<SpotCheck[]> {
  return repo.unanswered(db, toStored(new Date(now.getTime() - OPEN_WINDOW_MS)), MAX_OPEN);
}

export { missedSpotChecks } from './missed';
