import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DeadlinePolicyBody } from '@shared/schemas/deadlines';
import {
  CreateProfileBody,
  PolicyProfile,
  PolicyProfileList,
  ProfileParams,
  SaveProfileBody,
  SelectProfileBody,
} from '@shared/schemas/policy-profiles';
import type { FastifyInstance } from 'fastify';
import { ADMIN } from '../../plugins/access';
import { actorOf } from '../../plugins/auth';
import {
  createPolicyProfile,
  deletePolicyProfile,
  getDeadlinePolicy,
  getPolicyProfile,
  listPolicyProfiles,
  putDeadlinePolicy,
  savePolicyProfile,
  selectPolicyProfile,
} from './policy';

const PROFILES = '/api/settings/deadline-profiles';

export async function policyRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  /** The table in force (the active profile's). */
  app.get(
    '/api/settings/deadlines',
    { config: { access: 'user', scoped: true }, schema: { response: { 200: DeadlinePolicyBody } } },
    async () => getDeadlinePolicy(app.db),
  );

  /** Edits the active custom copy, or (a built-in being in force) makes a copy of the body and picks it. */
  app.put(
    '/api/settings/deadlines',
    {
      config: { access: ADMIN },
      schema: { body: DeadlinePolicyBody, response: { 200: DeadlinePolicyBody } },
    },
    async (req) => app.command(actorOf(req), (tx) => putDeadlinePolicy(tx, req.body)),
  );

  app.get(
    PROFILES,
    { config: { access: 'user' }, schema: { response: { 200: PolicyProfileList } } },
    async () => listPolicyProfiles(app.db),
  );

  app.get(
    `${PROFILES}/:id`,
    { config: { access: 'user' }, schema: { params: ProfileParams, response: { 200: PolicyProfile } } },
    async (req) => getPolicyProfile(app.db, req.params.id),
  );

  app.put(
    `${PROFILES}/active`,
    {
      config: { access: ADMIN },
      schema: { body: SelectProfileBody, response: { 200: PolicyProfileList } },
    },
    async (req) => app.command(actorOf(req), (tx) => selectPolicyProfile(tx, req.body.id)),
  );

  app.post(
    PROFILES,
    {
      config: { access: ADMIN },
      schema: { body: CreateProfileBody, response: { 201: PolicyProfile } },
    },
    async (req, reply) => {
      const profile = await app.command(actorOf(req), (tx) =>
        createPolicyProfile(tx, req.body.basedOn, req.body.policy),
      );
      return reply.code(201).send(profile);
    },
  );

  app.put(
    `${PROFILES}/:id`,
    {
      config: { access: ADMIN },
      schema: { params: ProfileParams, body: SaveProfileBody, response: { 200: PolicyProfile } },
    },
    async (req) => app.command(actorOf(req), (tx) => savePolicyProfile(tx, req.params.id, req.body.policy)),
  );

  app.delete(
    `${PROFILES}/:id`,
    {
      config: { access: ADMIN },
      schema: { params: ProfileParams, response: { 200: PolicyProfileList } },
    },
    async (req) => app.command(actorOf(req), (tx) => deletePolicyProfile(tx, req.params.id)),
  );
}
