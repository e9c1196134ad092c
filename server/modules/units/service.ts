import { DISTRICT_PATH } from '@shared/domain/district';
import {
  COMMUNITY_KINDS,
  type CreateUnitBody,
  type ImportLineError,
  TOWNSHIP_KINDS,
  UNIT_KINDS,
  type Unit,
  type UnitListItem,
  type UpdateUnitBody,
} from '@shared/schemas/units';
import type { Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { DutyError, fail, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import type { UnitKind, UnitsTable } from './table';

/**
 * The units module's front door: the tree of the duty network (DESIGN 2.7) and the one rule of
 * scope: a viewer sees a unit when the unit's path starts with the viewer's own path.
 */
export type { UnitKind } from './table';

/** The district, the root of the tree: created by the migration, id 1. */
export const ROOT_UNIT_ID = 1;
export const ROOT_UNIT_PATH = DISTRICT_PATH;

export type { Unit } from '@shared/schemas/units';

export function toUnit(row: Selectable<UnitsTable>): Unit {
  return {
    id: Number(row.id),
    parentId: row.parent_id === null ? null : Number(row.parent_id),
    kind: row.kind,
    name: row.name,
    code: row.code,
    path: row.path,
    phone: row.phone,
    enabled: Number(row.enabled) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Whether a viewer of `viewerPath` may see what belongs to `path` (its own unit or one below). */
export function isWithin(viewerPath: string, path: string): boolean {
  return path.startsWith(viewerPath);
}

export async function getUnit(db: DbOrTrx, id: number): Promise<Unit | undefined> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUnit(row) : undefined;
}

/** The units at or below `underPath` (default: all), in tree order (by path). */
export async function listUnits(db: DbOrTrx, underPath: string = ROOT_UNIT_PATH): Promise<Unit[]> {
  const rows = await db
    .selectFrom('units')
    .selectAll()
    .where('path', 'like', `${underPath}%`)
    .orderBy('path')
    .execute();
  // `like` treats `_` and `%` as wildcards; paths hold digits and slashes only, but check anyway.
  return rows.filter((r) => isWithin(underPath, r.path)).map(toUnit);
}

/**
 * A path under which nothing lies: the scope of a caller whose unit is unknown (units are never
 * deleted, so only a row edited by hand) sees nothing rather than everything.
 */
export const NO_UNIT_PATH = '/0/';

/** The path of a unit; `NO_UNIT_PATH` for an unknown id. */
export async function unitPathOf(db: DbOrTrx, id: number): Promise<string> {
  const row = await db.selectFrom('units').select('path').where('id', '=', id).executeTakeFirst();
  return row?.path ?? NO_UNIT_PATH;
}

// ---- Administration (DESIGN 2.7): create, rename, disable; import a district's units from CSV. ----

/** Which kinds a unit of each kind may hold: the tree has three levels. */
const CHILD_KINDS: Record<UnitKind, readonly UnitKind[]> = {
  district: TOWNSHIP_KINDS,
  township: COMMUNITY_KINDS,
  dev_zone: COMMUNITY_KINDS,
  street: COMMUNITY_KINDS,
  community: [],
  village: [],
};

/** Why a unit of `kind` may not sit under `parent`, or undefined when it may. */
function placementProblem(
  parent: Pick<Unit, 'kind' | 'enabled' | 'code'>,
  kind: UnitKind,
): string | undefined {
  if (!parent.enabled) return `the parent unit ${parent.code} is disabled`;
  const allowed = CHILD_KINDS[parent.kind];
  if (!allowed.includes(kind))
    return allowed.length === 0
      ? `a ${parent.kind} (${parent.code}) holds no units`
      : `a ${kind} cannot sit under a ${parent.kind} (${parent.code}): ${allowed.join(', ')} only`;
  return undefined;
}

async function insertUnit(
  tx: Tx,
  parent: Unit,
  fields: { kind: UnitKind; name: string; code: string; phone?: string },
): Promise<Unit> {
  const now = nowStored(tx.clock);
  // The path needs the new id: insert with a placeholder unique to this row, then set it.
  const { id } = await tx.trx
    .insertInto('units')
    .values({
      parent_id: parent.id,
      kind: fields.kind,
      name: fields.name,
      code: fields.code,
      path: `${parent.path}new:${fields.code}/`,
      phone: fields.phone ?? '',
      enabled: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await tx.trx
    .updateTable('units')
    .set({ path: `${parent.path}${Number(id)}/` })
    .where('id', '=', Number(id))
    .returningAll()
    .executeTakeFirstOrThrow();
  const unit = toUnit(row);
  await tx.record({ type: 'unit.created', subject: `unit:${unit.id}`, payload: { unit }, unit: unit.path });
  return unit;
}

async function codeTaken(db: DbOrTrx, code: string): Promise<boolean> {
  return (
    (await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirst()) !== undefined
  );
}

export async function createUnit(tx: Tx, body: CreateUnitBody): Promise<Unit> {
  const parent = await getUnit(tx.trx, body.parentId);
  if (!parent) fail('DUTY_ERR_VALIDATION', `body.parentId: unit ${body.parentId} does not exist`);
  const problem = placementProblem(parent, body.kind);
  if (problem) fail('DUTY_ERR_VALIDATION', `body.kind: ${problem}`);
  if (await codeTaken(tx.trx, body.code))
    fail('DUTY_ERR_CONFLICT', `body.code: unit code "${body.code}" is taken`);
  return insertUnit(tx, parent, body);
}

export async function updateUnit(tx: Tx, id: number, body: UpdateUnitBody): Promise<Unit> {
  const before = (await getUnit(tx.trx, id)) ?? notFound(`unit ${id}`);
  if (body.enabled === false && before.id === ROOT_UNIT_ID)
    fail('DUTY_ERR_VALIDATION', 'body.enabled: the district cannot be disabled');
  const patch: Updateable<UnitsTable> = { updated_at: nowStored(tx.clock) };
  const changed: string[] = [];
  if (body.name !== undefined && body.name !== before.name) {
    patch.name = body.name;
    changed.push('name');
  }
  if (body.phone !== undefined && body.phone !== before.phone) {
    patch.phone = body.phone;
    changed.push('phone');
  }
  if (body.enabled !== undefined && body.enabled !== before.enabled) {
    patch.enabled = body.enabled ? 1 : 0;
    changed.push('enabled');
  }
  if (changed.length === 0) return before;
  const row = await tx.trx
    .updateTable('units')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const unit = toUnit(row);
  await tx.record({
    type: 'unit.updated',
    subject: `unit:${id}`,
    payload: { unit, changed },
    unit: unit.path,
  });
  return unit;
}

const CSV_HEADER = ['parent code', 'code', 'name', 'kind'];

/** One CSV line into fields: commas, with "quoted" fields that may hold commas and "" for a quote. */
function csvFields(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= line.length) return undefined;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += line[i];
        i += 1;
      }
      if (i < line.length && line[i] !== ',') return undefined;
      out.push(value.trim());
      i += 1;
    } else {
      const end = line.indexOf(',', i);
      const stop = end === -1 ? line.length : end;
      out.push(line.slice(i, stop).trim());
      i = stop + 1;
    }
  }
  return out;
}

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const KINDS = new Set<string>(UNIT_KINDS);

/**
 * A district's units from CSV, `parent code,code,name,kind` per line, all or nothing: every line is
 * checked (a parent that exists or comes earlier in the file, a unique code, a known kind that may
 * sit under its parent, a name), and any problem refuses the whole file with each bad line named.
 */
export async function importUnits(tx: Tx, csv: string): Promise<Unit[]> {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const errors: ImportLineError[] = [];
  type Row = { line: number; parentCode: string; code: string; name: string; kind: UnitKind };
  const rows: Row[] = [];
  // What the file will have made, by code, as it goes: a later line may hang under an earlier one.
  const planned = new Map<string, Pick<Unit, 'kind' | 'enabled' | 'code'>>();
  const existing = new Map((await listUnits(tx.trx)).map((u) => [u.code, u]));
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    if (raw.trim() === '') continue;
    const fields = csvFields(raw);
    if (!fields) {
      errors.push({ line, message: 'unbalanced quotes' });
      continue;
    }
    if (index === 0 && fields.map((f) => f.toLowerCase()).join(',') === CSV_HEADER.join(',')) continue;
    if (fields.length !== 4) {
      errors.push({
        line,
        message: `expected 4 fields (parent code, code, name, kind), found ${fields.length}`,
      });
      continue;
    }
    const [parentCode, code, name, kind] = fields as [string, string, string, string];
    const problems: string[] = [];
    if (!CODE_PATTERN.test(code) || code.length > 40) problems.push(`code "${code}" is not a valid code`);
    else if (existing.has(code) || planned.has(code)) problems.push(`code "${code}" is taken`);
    if (name === '' || name.length > 60) problems.push('name must be 1 to 60 characters');
    if (!KINDS.has(kind)) problems.push(`kind "${kind}" is not one of ${UNIT_KINDS.join(', ')}`);
    const parent = existing.get(parentCode) ?? planned.get(parentCode);
    if (!parent) problems.push(`parent code "${parentCode}" is neither a unit nor an earlier line`);
    else if (KINDS.has(kind)) {
      const problem = placementProblem(parent, kind as UnitKind);
      if (problem) problems.push(problem);
    }
    if (problems.length > 0) {
      errors.push({ line, message: problems.join('; ') });
      continue;
    }
    planned.set(code, { kind: kind as UnitKind, enabled: true, code });
    rows.push({ line, parentCode, code, name, kind: kind as UnitKind });
  }
  if (errors.length > 0) {
    const first = errors
      .slice(0, 3)
      .map((e) => `line ${e.line}: ${e.message}`)
      .join('; ');
    throw new DutyError(
      'DUTY_ERR_VALIDATION',
      `body.csv: ${errors.length} line(s) refused, nothing imported (${first})`,
      {},
      { lines: errors },
    );
  }
  if (rows.length === 0) fail('DUTY_ERR_VALIDATION', 'body.csv: no unit in the file');
  const made = new Map<string, Unit>();
  const units: Unit[] = [];
  for (const r of rows) {
    const parent = existing.get(r.parentCode) ?? made.get(r.parentCode);
    if (!parent) throw new Error(`import: parent ${r.parentCode} vanished`);
    const unit = await insertUnit(tx, parent, r);
    made.set(unit.code, unit);
    units.push(unit);
  }
  return units;
}

/**
 * The tree at and below `underPath` for the administrator: each unit with its number of people and,
 * for a community or village, its A角 / B角 informants (enabled people of role informant); one
 * without both is flagged.
 */
export async function unitTree(db: DbOrTrx, underPath: string): Promise<UnitListItem[]> {
  const units = await listUnits(db, underPath);
  const people = await db
    .selectFrom('users')
    .select(['unit_id', 'display_name', 'roles', 'informant_role', 'enabled'])
    .where('enabled', '=', 1)
    .execute();
  return units.map((unit) => {
    const mine = people.filter((p) => Number(p.unit_id) === unit.id);
    if (!COMMUNITY_KINDS.includes(unit.kind))
      return { unit, people: mine.length, informants: null, missingInformants: false };
    const informants = mine.filter((p) => p.roles.split(',').includes('informant'));
    const a = informants.filter((p) => p.informant_role === 'A').map((p) => p.display_name);
    const b = informants.filter((p) => p.informant_role === 'B').map((p) => p.display_name);
    return {
      unit,
      people: mine.length,
      informants: { a, b },
      missingInformants: unit.enabled && (a.length === 0 || b.length === 0),
    };
  });
}
