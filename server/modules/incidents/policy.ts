import { NATIONAL_DEFAULT_POLICY, upgradePolicy, validatePolicy } from '@shared/domain/deadline-policy';
import { statutoryPolicyProblems } from '@shared/domain/direct-report';
import type { DeadlinePolicy } from '@shared/domain/incident-types';
import { BUILT_IN_PROFILES, builtInProfile, DEFAULT_PROFILE_ID } from '@shared/domain/policy-profiles';
import type { PolicyProfile, PolicyProfileList } from '@shared/schemas/policy-profiles';
import type { DbOrTrx } from '../../db/database';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import { readSettings, storeSetting } from '../settings/service';

/** Before profiles: the one edited table, if an administrator ever put one. Read, never written now. */
const LEGACY_KEY = 'deadline_policy';
/** Which profile is in force and the administrator's copies (built-ins live in code: shared/domain/policy-profiles.ts). */
const KEY = 'deadline_profiles';

interface StoredCopy {
  id: string;
  basedOn: string | null;
  policy: DeadlinePolicy;
  updatedAt: string | null;
  updatedBy: string | null;
}
interface ProfilesState {
  active: string;
  custom: StoredCopy[];
}

async function loadState(db: DbOrTrx): Promise<ProfilesState> {
  // Both in one read: every new incident asks, and most databases hold neither.
  const settings = await readSettings(db, [KEY, LEGACY_KEY]);
  const stored = settings.get(KEY) as ProfilesState | undefined;
  if (stored) return stored;
  // A table put through PUT /api/settings/deadlines before profiles existed stays in force, as a copy.
  const legacy = settings.get(LEGACY_KEY);
  if (legacy)
    return {
      active: 'custom-1',
      custom: [
        { id: 'custom-1', basedOn: null, policy: upgradePolicy(legacy), updatedAt: null, updatedBy: null },
      ],
    };
  return { active: DEFAULT_PROFILE_ID, custom: [] };
}

function viewOf(state: ProfilesState, id: string): PolicyProfile | undefined {
  const built = builtInProfile(id);
  if (built)
    return {
      id: built.id,
      builtIn: true,
      basedOn: null,
      sources: built.sources,
      policy: built.policy,
      updatedAt: null,
      updatedBy: null,
    };
  const copy = state.custom.find((c) => c.id === id);
  if (!copy) return undefined;
  return {
    id: copy.id,
    builtIn: false,
    basedOn: copy.basedOn,
    sources: copy.basedOn ? (builtInProfile(copy.basedOn)?.sources ?? []) : [],
    policy: copy.policy,
    updatedAt: copy.updatedAt,
    updatedBy: copy.updatedBy,
  };
}

/** The table in force: the active profile's (for intake, the report clocks, the console). */
export async function getDeadlinePolicy(db: DbOrTrx): Promise<DeadlinePolicy> {
  const state = await loadState(db);
  return viewOf(state, state.active)?.policy ?? NATIONAL_DEFAULT_POLICY;
}

/** The policy an incident was received under (its snapshot), else the one in force. */
export async function incidentPolicy(db: DbOrTrx, snapshot: string | null): Promise<DeadlinePolicy> {
  return snapshot ? upgradePolicy(JSON.parse(snapshot)) : getDeadlinePolicy(db);
}

export async function listPolicyProfiles(db: DbOrTrx): Promise<PolicyProfileList> {
  const state = await loadState(db);
  const ids = [...BUILT_IN_PROFILES.map((p) => p.id), ...state.custom.map((c) => c.id)];
  return { active: state.active, profiles: ids.map((id) => viewOf(state, id)!) };
}

export async function getPolicyProfile(db: DbOrTrx, id: string): Promise<PolicyProfile> {
  return viewOf(await loadState(db), id) ?? notFound(`deadline policy profile "${id}"`);
}

function checkPolicy(policy: DeadlinePolicy): void {
  const problems = [...validatePolicy(policy), ...statutoryPolicyProblems(policy)];
  if (problems.length) throw new DutyError('DUTY_ERR_VALIDATION', `deadline policy: ${problems.join('; ')}`);
}

function nextCopyId(state: ProfilesState): string {
  const taken = new Set(state.custom.map((c) => c.id));
  let n = state.custom.length + 1;
  while (taken.has(`custom-${n}`)) n++;
  return `custom-${n}`;
}

function readOnly(id: string): never {
  throw new DutyError(
    'DUTY_ERR_CONFLICT',
    `deadline policy profile "${id}" is built in and read-only: make a copy and edit that`,
  );
}

/** Picks the profile for incidents received from now on; those already running keep theirs. */
export async function selectPolicyProfile(tx: Tx, id: string): Promise<PolicyProfileList> {
  const state = await loadState(tx.trx);
  const profile = viewOf(state, id) ?? notFound(`deadline policy profile "${id}"`);
  const previous = state.active;
  await storeSetting(tx, KEY, { ...state, active: id });
  await tx.record({
    type: 'settings.policy_profile_selected',
    subject: `settings:deadline_profiles`,
    payload: { id, previous, policy: profile.policy },
  });
  return listPolicyProfiles(tx.trx);
}

/** A custom copy of `basedOn`, as it is or with the table given (validated). Not picked by making it. */
export async function createPolicyProfile(
  tx: Tx,
  basedOn: string,
  policy: DeadlinePolicy | undefined,
): Promise<PolicyProfile> {
  const state = await loadState(tx.trx);
  const original = viewOf(state, basedOn) ?? notFound(`deadline policy profile "${basedOn}"`);
  const table = policy ?? { ...original.policy, name: `${original.policy.name}（副本）`.slice(0, 80) };
  checkPolicy(table);
  const copy: StoredCopy = {
    id: nextCopyId(state),
    // A copy of a copy keeps the built-in it came from, so its sources stay with it.
    basedOn: original.builtIn ? original.id : original.basedOn,
    policy: table,
    updatedAt: nowStored(tx.clock),
    updatedBy: tx.actor,
  };
  await storeSetting(tx, KEY, { ...state, custom: [...state.custom, copy] });
  const profile = viewOf({ ...state, custom: [...state.custom, copy] }, copy.id)!;
  await tx.record({
    type: 'settings.policy_profile_saved',
    subject: `settings:deadline_profiles:${copy.id}`,
    payload: { profile, created: true },
  });
  return profile;
}

/** Edits a custom copy's table (validated); a built-in is read-only. */
export async function savePolicyProfile(tx: Tx, id: string, policy: DeadlinePolicy): Promise<PolicyProfile> {
  if (builtInProfile(id)) readOnly(id);
  const state = await loadState(tx.trx);
  if (!state.custom.some((c) => c.id === id)) notFound(`deadline policy profile "${id}"`);
  checkPolicy(policy);
  const custom = state.custom.map((c) =>
    c.id === id ? { ...c, policy, updatedAt: nowStored(tx.clock), updatedBy: tx.actor } : c,
  );
  await storeSetting(tx, KEY, { ...state, custom });
  const profile = viewOf({ ...state, custom }, id)!;
  await tx.record({
    type: 'settings.policy_profile_saved',
    subject: `settings:deadline_profiles:${id}`,
    payload: { profile, created: false },
  });
  return profile;
}

/** Deletes a custom copy that is not in force. */
export async function deletePolicyProfile(tx: Tx, id: string): Promise<PolicyProfileList> {
  if (builtInProfile(id)) readOnly(id);
  const state = await loadState(tx.trx);
  const copy = state.custom.find((c) => c.id === id) ?? notFound(`deadline policy profile "${id}"`);
  if (state.active === id)
    throw new DutyError(
      'DUTY_ERR_CONFLICT',
      `deadline policy profile "${id}" is in force: pick another profile before deleting it`,
    );
  await storeSetting(tx, KEY, { ...state, custom: state.custom.filter((c) => c.id !== id) });
  await tx.record({
    type: 'settings.policy_profile_deleted',
    subject: `settings:deadline_profiles:${id}`,
    payload: { id, name: copy.policy.name },
  });
  return listPolicyProfiles(tx.trx);
}

/**
 * PUT /api/settings/deadlines, kept for systems that set the table directly: when the profile in
 * force is a custom copy, it is edited; when it is built in (read-only), a copy is made from the body
 * and picked. Each incident keeps the table it was received under.
 */
export async function putDeadlinePolicy(tx: Tx, policy: DeadlinePolicy): Promise<DeadlinePolicy> {
  checkPolicy(policy);
  const state = await loadState(tx.trx);
  const now = nowStored(tx.clock);
  let next: ProfilesState;
  let profileId = state.active;
  const created = !state.custom.some((c) => c.id === state.active);
  if (created) {
    profileId = nextCopyId(state);
    next = {
      active: profileId,
      custom: [
        ...state.custom,
        { id: profileId, basedOn: state.active, policy, updatedAt: now, updatedBy: tx.actor },
      ],
    };
  } else {
    next = {
      ...state,
      custom: state.custom.map((c) =>
        c.id === state.active ? { ...c, policy, updatedAt: now, updatedBy: tx.actor } : c,
      ),
    };
  }
  await storeSetting(tx, KEY, next);
  await tx.record({
    type: 'settings.deadlines_updated',
    subject: 'settings:deadlines',
    payload: { policy, profileId, created },
  });
  return policy;
}
