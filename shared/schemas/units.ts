import { type Static, Type } from 'typebox';
import { Instant } from './common';

/** DESIGN 2.7: district → townships / development zones / streets → communities / villages. */
export const UNIT_KINDS = ['district', 'township', 'dev_zone', 'street', 'community', 'village'] as const;
export const UnitKind = Type.Union([
  Type.Literal('district'),
  Type.Literal('township'),
  Type.Literal('dev_zone'),
  Type.Literal('street'),
  Type.Literal('community'),
  Type.Literal('village'),
]);
export type UnitKind = (typeof UNIT_KINDS)[number];
/** The kinds a unit under the district may be, and those under one of them. */
export const TOWNSHIP_KINDS: readonly UnitKind[] = ['township', 'dev_zone', 'street'];
export const COMMUNITY_KINDS: readonly UnitKind[] = ['community', 'village'];

const UnitName = Type.String({ minLength: 1, maxLength: 60 });
const UnitCode = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
const Phone = Type.String({ maxLength: 30, pattern: '^[0-9+() -]*$' });

export const Unit = Type.Object(
  {
    id: Type.Integer(),
    parentId: Type.Union([Type.Integer(), Type.Null()]),
    kind: UnitKind,
    name: Type.String(),
    code: Type.String(),
    /** Materialized path of ids, its own included: `/1/`, `/1/4/`, `/1/4/12/`. */
    path: Type.String(),
    phone: Type.String(),
    enabled: Type.Boolean(),
    createdAt: Instant,
    updatedAt: Instant,
  },
  { additionalProperties: false },
);
export type Unit = Static<typeof Unit>;

/** A unit in the administrator's tree: its people, and for a community whether A角 and B角 are filled. */
export const UnitListItem = Type.Object(
  {
    unit: Unit,
    people: Type.Integer({ minimum: 0 }),
    /** Communities and villages only (null for others): the enabled informants holding A角 / B角. */
    informants: Type.Union([
      Type.Object(
        { a: Type.Array(Type.String()), b: Type.Array(Type.String()) },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    /** A community without both an A角 and a B角 informant (DESIGN 2.7): flagged. */
    missingInformants: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type UnitListItem = Static<typeof UnitListItem>;

export const UnitList = Type.Object({ units: Type.Array(UnitListItem) }, { additionalProperties: false });
export type UnitList = Static<typeof UnitList>;

export const CreateUnitBody = Type.Object(
  {
    parentId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
    kind: UnitKind,
    name: UnitName,
    code: UnitCode,
    phone: Type.Optional(Phone),
  },
  { additionalProperties: false },
);
export type CreateUnitBody = Static<typeof CreateUnitBody>;

/** Rename, change the phone, disable or enable again; a unit is never moved nor removed. */
export const UpdateUnitBody = Type.Object(
  { name: Type.Optional(UnitName), phone: Type.Optional(Phone), enabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUnitBody = Static<typeof UpdateUnitBody>;

/**
 * A district's units as CSV, one per line: `parent code,code,name,kind` (a header line of exactly
 * those names may lead). The parent is an existing unit or one earlier in the file. All or nothing.
 */
export const ImportUnitsBody = Type.Object(
  { csv: Type.String({ minLength: 1, maxLength: 200_000 }) },
  { additionalProperties: false },
);
export type ImportUnitsBody = Static<typeof ImportUnitsBody>;

export const ImportedUnits = Type.Object({ units: Type.Array(Unit) }, { additionalProperties: false });
export type ImportedUnits = Static<typeof ImportedUnits>;

/** One refused line of an import: its number in the file (1 = the first line) and why. */
export interface ImportLineError {
  line: number;
  message: string;
}
