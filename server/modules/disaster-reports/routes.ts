import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DisasterReportKind } from '@shared/domain/disasters';
import { DISTRICT_PATH } from '@shared/domain/district';
import { IdParams } from '@shared/schemas/common';
import {
  DisasterDraft,
  DisasterPhoto,
  DisasterPhotoList,
  DisasterReportList,
  DisasterSignoff,
  DisasterSignoffBody,
  DisasterSignoffDecisionBody,
  DisasterSignoffList,
  DisasterSignoffQuery,
  DraftQuery,
  PhotoUploadQuery,
  type ReportFigures,
  SendDisasterReportBody,
} from '@shared/schemas/disasters';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DbOrTrx } from '../../db/database';
import { DutyError, notFound } from '../../errors';
import { actorOf, userOf } from '../../plugins/auth';
import { formatLocal, toStored } from '../../time';
import { type DisasterCaller, disasterInSight, loadDisaster } from '../disasters/service';
import { getUnit, isWithin } from '../units/service';
import { figuresCsv } from './csv';
import { draftDisasterText, draftTitle } from './drafts';
import { addPhoto, listPhotos, PHOTO_MIMES, photoBytes } from './photos';
import { reportRows, sendDisasterReport, toReport } from './send';
import { decideSignoff, listSignoffs, requestSignoff } from './signoffs';

const HANDLERS = ['officer', 'leader'] as const;
const FILERS = ['officer', 'leader', 'admin', 'informant'] as const;

export function callerOf(req: FastifyRequest): DisasterCaller {
  const p = userOf(req);
  return {
    userId: p.user.id,
    username: p.user.username,
    unitId: p.unitId,
    unitPath: p.unitPath,
    roles: [...p.user.roles],
  };
}

/** The district's view of a disaster: everything a draft or a report is made from. */
async function districtView(app: FastifyInstance, db: DbOrTrx, req: FastifyRequest, id: number) {
  const caller = callerOf(req);
  const disaster = await loadDisaster(db, id, caller, app.clock.now(), app.config.tzName);
  const figures: ReportFigures = {
    totals: disaster.totals,
    townships: disaster.townships.map((t) => ({ unitId: t.unitId, name: t.name, figures: t.figures })),
  };
  return { disaster, figures };
}

async function draftFor(
  app: FastifyInstance,
  req: FastifyRequest,
  id: number,
  kind: DisasterReportKind,
  forDate: string | undefined,
) {
  const zone = app.config.tzName;
  const { disaster, figures } = await districtView(app, app.db, req, id);
  const district = await getUnit(app.db, 1);
  const sent = (await reportRows(app.db, id)).filter((r) => r.recipient === 'city').map(toReport);
  const now = app.clock.now();
  const input = {
    kind,
    disaster: {
      type: disaster.type,
      subtype: disaster.subtype,
      beganAt: disaster.beganAt,
      disasterText: disaster.disasterText,
      reliefText: disaster.reliefText,
      severe: disaster.severe,
    },
    districtName: districtName(district?.name),
    recipients:
      kind === 'initial' && disaster.severe
        ? (['city', 'province', 'ministry'] as const)
        : (['city'] as const),
    asOf: toStored(now),
    forDate: forDate ?? (kind === 'daily' ? formatLocal(now, zone, 'yyyy-MM-dd') : null),
    figures,
    victims: disaster.victims.map((v) => ({
      name: v.name,
      unitName: v.unitName,
      status: v.status,
      cause: v.cause,
      date: v.date,
      createdAt: v.createdAt,
    })),
    previous: sent.map((r) => ({
      kind: r.kind,
      sentAt: r.sentAt,
      forDate: r.forDate,
      totals: r.figures.totals,
    })),
    zone,
  };
  return { title: draftTitle(input), text: draftDisasterText(input), figures };
}

/** 瑶泉区应急管理局 → 瑶泉区: the place a zero report's title names (本区 when the name says none). */
function districtName(unitName: string | undefined): string {
  const place = (unitName ?? '').replace(/应急管理局$/u, '').trim();
  return place === '' || place === '区' ? '本区' : place;
}

/** Drafts, 签发 and sending: the district room's (not scoped). */
export async function disasterReportRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;
  const titleOf = (req: FastifyRequest) => async (db: DbOrTrx, disasterId: number) =>
    (await disasterInSight(db, callerOf(req), disasterId)).title;

  app.get(
    '/api/disasters/:id/draft',
    {
      config: { access: HANDLERS },
      schema: { params: IdParams, querystring: DraftQuery, response: { 200: DisasterDraft } },
    },
    async (req) => draftFor(app, req, req.params.id, req.query.kind, req.query.forDate),
  );

  app.get(
    '/api/disasters/:id/reports',
    {
      config: { access: HANDLERS },
      schema: { params: IdParams, response: { 200: DisasterReportList } },
    },
    async (req) => {
      await disasterInSight(app.db, callerOf(req), req.params.id);
      return { reports: (await reportRows(app.db, req.params.id)).map(toReport) };
    },
  );

  app.post(
    '/api/disasters/:id/reports',
    {
      config: { access: HANDLERS },
      schema: { params: IdParams, body: SendDisasterReportBody, response: { 201: DisasterReportList } },
    },
    async (req, reply) => {
      const callerIsLeader = userOf(req).user.roles.includes('leader');
      const result = await app.command(actorOf(req), async (tx) => {
        const { disaster, figures } = await districtView(app, tx.trx, req, req.params.id);
        return sendDisasterReport(tx, req.params.id, req.body, {
          zone,
          callerIsLeader,
          upstreams: app.config.upstreamUrls,
          figures,
          victims: disaster.victims,
        });
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/disasters/:id/signoffs',
    {
      config: { access: HANDLERS },
      schema: { params: IdParams, body: DisasterSignoffBody, response: { 201: DisasterSignoff } },
    },
    async (req, reply) => {
      const signoff = await app.command(actorOf(req), async (tx) => {
        const row = await disasterInSight(tx.trx, callerOf(req), req.params.id);
        return requestSignoff(tx, { id: Number(row.id), title: row.title }, req.body);
      });
      return reply.status(201).send(signoff);
    },
  );

  app.post(
    '/api/disaster-signoffs/:id/decision',
    {
      config: { access: ['leader'] },
      schema: { params: IdParams, body: DisasterSignoffDecisionBody, response: { 200: DisasterSignoff } },
    },
    async (req) =>
      app.command(actorOf(req), (tx) =>
        decideSignoff(tx, req.params.id, req.body.approve, req.body.comment, titleOf(req)),
      ),
  );

  app.get(
    '/api/disaster-signoffs',
    {
      config: { access: HANDLERS },
      schema: { querystring: DisasterSignoffQuery, response: { 200: DisasterSignoffList } },
    },
    async (req) => ({ signoffs: await listSignoffs(app.db, { status: req.query.status }, titleOf(req)) }),
  );
}

/** The 快报表 CSV and the photos: townships and communities call these too (scoped). */
export async function disasterScopedRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;

  app.get(
    '/api/disasters/:id/figures.csv',
    { config: { access: ['officer', 'leader', 'admin'], scoped: true }, schema: { params: IdParams } },
    async (req, reply) => {
      const caller = callerOf(req);
      const disaster = await loadDisaster(app.db, req.params.id, caller, app.clock.now(), zone);
      // A unit's view (loadDisaster) holds its own township only: its row, no 合计.
      const district = caller.unitPath === DISTRICT_PATH;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="disaster-${req.params.id}-figures.csv"`)
        .send(figuresCsv(disaster.townships, district ? disaster.totals : null));
    },
  );

  app.get(
    '/api/disasters/:id/photos',
    {
      config: { access: FILERS, scoped: true },
      schema: { params: IdParams, response: { 200: DisasterPhotoList } },
    },
    async (req) => {
      const caller = callerOf(req);
      await disasterInSight(app.db, caller, req.params.id);
      return { photos: await listPhotos(app.db, req.params.id, caller.unitPath) };
    },
  );

  app.get(
    '/api/disaster-photos/:id',
    { config: { access: FILERS, scoped: true }, schema: { params: IdParams } },
    async (req, reply) => {
      const caller = callerOf(req);
      const { photo, bytes } = await photoBytes(app.db, req.params.id, caller.unitPath, app.config.photoDir);
      await disasterInSight(app.db, caller, photo.disasterId);
      return reply
        .type(photo.mime)
        .header('cache-control', 'private, max-age=3600')
        .header('content-disposition', `inline; filename="photo-${photo.id}"`)
        .send(bytes);
    },
  );

  await app.register(photoUploadRoute);
}

/** The upload, in a scope of its own: raw image bodies are read here and nowhere else. */
async function photoUploadRoute(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const max = app.config.photoMaxBytes;
  const tooLarge = (size: number | string) =>
    new DutyError(
      'DUTY_ERR_BODY_TOO_LARGE',
      `the photo is ${size} bytes; at most ${max} bytes are accepted (DUTY_PHOTO_MAX_BYTES)`,
    );
  app.addContentTypeParser([...PHOTO_MIMES], (req, payload, done) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      payload.resume();
      done(tooLarge(declared), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    payload.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > max) {
        failed = true;
        done(tooLarge(`more than ${max}`), undefined);
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => {
      if (!failed) done(null, Buffer.concat(chunks));
    });
    payload.on('error', (err) => {
      if (!failed) {
        failed = true;
        done(err, undefined);
      }
    });
  });

  // The bytes are kept aside before validation: the route declares no body, so any JSON field is refused.
  const photoBodies = new WeakMap<FastifyRequest, Buffer>();
  app.post(
    '/api/disasters/:id/photos',
    {
      bodyLimit: max,
      preValidation: async (req) => {
        if (Buffer.isBuffer(req.body)) {
          photoBodies.set(req, req.body);
          req.body = null;
        }
      },
      config: { access: FILERS, scoped: true },
      schema: { params: IdParams, querystring: PhotoUploadQuery, response: { 201: DisasterPhoto } },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const body = photoBodies.get(req);
      if (!body) {
        throw new DutyError(
          'DUTY_ERR_UNSUPPORTED_MEDIA',
          'send the photo as the raw body: image/jpeg, image/png or image/webp',
        );
      }
      const declaredMime = String(req.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim()
        .toLowerCase();
      const photo = await app.command(actorOf(req), async (tx) => {
        await disasterInSight(tx.trx, caller, req.params.id);
        let unit = { id: caller.unitId, path: caller.unitPath };
        let filingId: number | null = null;
        if (req.query.filingId !== undefined) {
          const filing = await tx.trx
            .selectFrom('disaster_filings')
            .select(['id', 'disaster_id', 'unit_id', 'unit_path'])
            .where('id', '=', req.query.filingId)
            .executeTakeFirst();
          if (
            !filing ||
            Number(filing.disaster_id) !== req.params.id ||
            !isWithin(caller.unitPath, filing.unit_path)
          ) {
            return notFound(`filing ${req.query.filingId}`);
          }
          unit = { id: Number(filing.unit_id), path: filing.unit_path };
          filingId = Number(filing.id);
        }
        return addPhoto(tx, {
          disasterId: req.params.id,
          filingId,
          unit,
          declaredMime,
          caption: req.query.caption?.trim() ?? '',
          bytes: body,
          maxBytes: app.config.photoMaxBytes,
          dir: app.config.photoDir,
        });
      });
      return reply.status(201).send(photo);
    },
  );
}
