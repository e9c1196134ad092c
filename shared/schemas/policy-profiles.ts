import { type Static, Type } from 'typebox';
import { DeadlinePolicyBody } from './deadlines';

/** 'national', 'henan' (built in) or 'custom-1', 'custom-2' … (copies an administrator made). */
export const ProfileId = Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$' });

/** A deadline policy profile (DESIGN §2.3): built in (read-only, with its sources) or a custom copy. */
export const PolicyProfile = Type.Object(
  {
    id: ProfileId,
    builtIn: Type.Boolean(),
    /** The profile this one was copied from; null for a built-in or a table kept from before profiles. */
    basedOn: Type.Union([ProfileId, Type.Null()]),
    /** Where its rules come from (built-ins); a copy carries its original's. */
    sources: Type.Array(Type.String()),
    policy: DeadlinePolicyBody,
    updatedAt: Type.Union([Type.String(), Type.Null()]),
    updatedBy: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type PolicyProfile = Static<typeof PolicyProfile>;

export const PolicyProfileList = Type.Object(
  { active: ProfileId, profiles: Type.Array(PolicyProfile) },
  { additionalProperties: false },
);
export type PolicyProfileList = Static<typeof PolicyProfileList>;

export const ProfileParams = Type.Object({ id: ProfileId }, { additionalProperties: false });

export const SelectProfileBody = Type.Object({ id: ProfileId }, { additionalProperties: false });
export type SelectProfileBody = Static<typeof SelectProfileBody>;

/** A copy of `basedOn`, as it is or with the table given. */
export const CreateProfileBody = Type.Object(
  { basedOn: ProfileId, policy: Type.Optional(DeadlinePolicyBody) },
  { additionalProperties: false },
);
export type CreateProfileBody = Static<typeof CreateProfileBody>;

export const SaveProfileBody = Type.Object({ policy: DeadlinePolicyBody }, { additionalProperties: false });
export type SaveProfileBody = Static<typeof SaveProfileBody>;
