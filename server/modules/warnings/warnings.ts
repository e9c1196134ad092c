import {
  levelAllowed,
  WARNING_LEVEL_NAMES,
  WARNING_RANK,
  WARNING_TYPES,
  type WarningLevel,
  type WarningTypeCode,
} from '@shared/domain/warning-types';
import type { EndBody, Warning, WarningIntake, WarningLevelChange } from '@shared/schemas/warnings';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored, toStored } from '../../time';
import { addLevel, lastLevelAt, notBefore } from './levels';
import { toWarning } from './repo';

const stored = (iso: string) => toStored(new Date(iso));

/** 高温蓝色 is refused with the pair named and the colours the type does take. */
export function checkPair(type: WarningTypeCode, level: WarningLevel): void {
  if (levelAllowed(type, level)) return;
  const t = WARNING_TYPES[type];
  const allowed = t.levels.map((l) => `${WARNING_LEVEL_NAMES[l].zh}(${l})`).join('、');
  throw new DutyError(
    'DUTY_ERR_WARNING_LEVEL',
    `${t.zh}${WARNING_LEVEL_NAMES[level].zh}预警 (${type}/${level}) does not exist: ${t.zh} is issued in ${allowed} only`,
    {},
    { type, level },
  );
}

export async function issueWarning(tx: Tx, body: WarningIntake, source: Warning['source']): Promise<Warning> {
  checkPair(body.type, body.level);
  const now = nowStored(tx.clock);
  const issuedAt = stored(body.issuedAt);
  const effectiveAt = stored(body.effectiveAt ?? body.issuedAt);
  if (effectiveAt < issuedAt)
    throw new DutyError(
      'DUTY_ERR_VALIDATION',
      'body.effectiveAt: a warning cannot take effect before it is issued',
    );
  const row = await tx.trx
    .insertInto('warnings')
    .values({
      type: body.type,
      level: body.level,
      peak_level: body.level,
      issuer: body.issuer.trim(),
      issued_at: issuedAt,
      effective_at: effectiveAt,
      lifted_at: null,
      area: JSON.stringify(body.area ?? []),
      text: body.text,
      source,
      created_by: tx.actor,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const warning = toWarning(row);
  await addLevel(tx.trx, 'warning', warning.id, warning.level, effectiveAt);
  await tx.record({ type: 'warning.issued', subject: `warning:${warning.id}`, payload: { warning } });
  return warning;
}

async function openWarning(tx: Tx, id: number) {
  const row = await tx.trx.selectFrom('warnings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return notFound(`warning ${id}`);
  if (row.lifted_at !== null)
    throw new DutyError('DUTY_ERR_CONFLICT', `warning ${id} was lifted at ${row.lifted_at}: issue a new one`);
  return row;
}

/** 升级 / 降级 (or a new text at the same colour): from `at` on (default now). */
export async function changeWarningLevel(tx: Tx, id: number, body: WarningLevelChange): Promise<Warning> {
  const row = await openWarning(tx, id);
  checkPair(row.type, body.level);
  const now = nowStored(tx.clock);
  const at = body.at ? stored(body.at) : now;
  if (body.level === row.level && body.text === undefined)
    throw new DutyError('DUTY_ERR_ALREADY_DONE', `warning ${id} is already ${body.level}`);
  const floor = await lastLevelAt(tx.trx, 'warning', id);
  notBefore(at, floor, 'a change');
  const peak = WARNING_RANK[body.level] > WARNING_RANK[row.peak_level] ? body.level : row.peak_level;
  const updated = await tx.trx
    .updateTable('warnings')
    .set({ level: body.level, peak_level: peak, text: body.text ?? row.text, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (body.level !== row.level)
    await addLevel(tx.trx, 'warning', id, body.level, [at, row.effective_at].sort()[1]!);
  const warning = toWarning(updated);
  const rank = WARNING_RANK[body.level] - WARNING_RANK[row.level];
  await tx.record({
    type: 'warning.changed',
    subject: `warning:${id}`,
    payload: {
      warning,
      change: rank > 0 ? 'upgrade' : rank < 0 ? 'downgrade' : 'update',
      levelFrom: row.level,
      levelTo: body.level,
    },
  });
  return warning;
}

/** 解除: at `at` (default now), never before its last change. */
export async function liftWarning(tx: Tx, id: number, body: EndBody): Promise<Warning> {
  const row = await openWarning(tx, id);
  const now = nowStored(tx.clock);
  const at = body.at ? stored(body.at) : now;
  if (at > now) throw new DutyError('DUTY_ERR_VALIDATION', 'body.at: a warning is lifted now or in the past');
  notBefore(at, row.issued_at, 'lifting');
  const updated = await tx.trx
    .updateTable('warnings')
    .set({ lifted_at: at, updated_at: now })
    .where('id', '=', id)
    .where('lifted_at', 'is', null)
    .returningAll()
    .executeTakeFirstOrThrow();
  const warning = toWarning(updated);
  await tx.record({
    type: 'warning.lifted',
    subject: `warning:${id}`,
    payload: { warning, note: body.note?.trim() || null },
  });
  return warning;
}
