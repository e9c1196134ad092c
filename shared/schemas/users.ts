import { type Static, Type } from 'typebox';
import { Instant } from './common';

/** `informant`: a community's 灾害信息员 (A角 or B角, `informantRole`); a township officer is an `officer` of a township. */
export const ROLES = ['officer', 'leader', 'admin', 'informant'] as const;
export const Role = Type.Union([
  Type.Literal('officer'),
  Type.Literal('leader'),
  Type.Literal('admin'),
  Type.Literal('informant'),
]);
export type Role = Static<typeof Role>;

const Username = Type.String({ minLength: 2, maxLength: 40, pattern: '^[a-z0-9][a-z0-9._-]*$' });
const DisplayName = Type.String({ minLength: 1, maxLength: 60 });
const Phone = Type.String({ maxLength: 30, pattern: '^[0-9+() -]*$' });
/** ASVS L2 (2.1.1): at least 12 characters wherever a password is set. */
export const PASSWORD_MIN_LENGTH = 12;
/** The upper bound keeps hashing cheap to refuse. */
export const Password = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200 });
const Roles = Type.Array(Role, { minItems: 1, maxItems: 4, uniqueItems: true });
/** A community informant's post: A角 or B角. */
export const InformantRole = Type.Union([Type.Literal('A'), Type.Literal('B')]);
export type InformantRole = Static<typeof InformantRole>;

export const User = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    phone: Type.String(),
    roles: Type.Array(Role),
    /** Duty qualification: trained duty officer or leader cadre. Without it nobody sits the post. */
    qualified: Type.Boolean(),
    enabled: Type.Boolean(),
    /** The unit the person belongs to (DESIGN 2.7) and its path (`/1/4/`): they see that subtree. */
    unitId: Type.Integer(),
    unitPath: Type.String(),
    informantRole: Type.Union([InformantRole, Type.Null()]),
    createdAt: Instant,
    updatedAt: Instant,
  },
  { additionalProperties: false },
);
export type User = Static<typeof User>;

export const UserList = Type.Object({ users: Type.Array(User) }, { additionalProperties: false });

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    password: Password,
    roles: Roles,
    phone: Type.Optional(Phone),
    qualified: Type.Optional(Type.Boolean()),
    enabled: Type.Optional(Type.Boolean()),
    /** Default 1, the district. */
    unitId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
    informantRole: Type.Optional(Type.Union([InformantRole, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    password: Type.Optional(Password),
    roles: Type.Optional(Roles),
    phone: Type.Optional(Phone),
    qualified: Type.Optional(Type.Boolean()),
    enabled: Type.Optional(Type.Boolean()),
    unitId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
    informantRole: Type.Optional(Type.Union([InformantRole, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

/** Display names by username, for everyone signed in: events and records store usernames, people read names. */
export const PeopleNames = Type.Object(
  { names: Type.Record(Type.String(), Type.String()) },
  { additionalProperties: false },
);
export type PeopleNames = Static<typeof PeopleNames>;
