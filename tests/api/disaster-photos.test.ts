import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { fixedClock } from '../../server/time';
import { as, type Session, startApp, type TestApp } from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import {
  buildReportsWorld,
  createDisaster,
  fileFigures,
  type ReportsWorld,
} from '../helpers/disaster-reports';

/** The smallest real files of each kind: their first bytes are what is judged. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8ffff3f0005fe02fea7d6a4ae0000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.concat([
  Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
  Buffer.alloc(64, 7),
  Buffer.from('ffd9', 'hex'),
]);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([30, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(18, 1),
]);

/**
 * Photos of a disaster: JPEG, PNG or WebP by their bytes (not by the Content-Type claimed), at most
 * DUTY_PHOTO_MAX_BYTES, in the database or in DUTY_PHOTO_DIR; each belongs to the filing's unit (or
 * the uploader's) and is shown only to those who see that unit.
 */
describe.each(DIALECTS)('disaster photos on %s', (dialect) => {
  const clock = fixedClock('2026-06-19T03:00:00Z');
  let t: TestApp;
  let w: ReportsWorld;
  let flood: { id: number };
  let filingA: { id: number };

  beforeAll(async () => {
    t = await startApp({ dialect, clock, config: { photoMaxBytes: 4096 } });
    w = await buildReportsWorld(t.app);
    flood = await createDisaster(t.app, w.officer, {
      type: 'flood',
      title: '6·19洪涝',
      beganAt: '2026-06-19T02:00:00.000Z',
      townships: [w.a.id, w.b.id],
    });
    filingA = await fileFigures(t.app, w.officerA, flood.id, {
      unitId: w.a.id,
      kind: 'initial',
      figures: { affected: 40 },
    });
  });
  afterAll(() => t?.close());

  const upload = (s: Session, body: Buffer, type: string, query = '') =>
    t.app.inject(
      as(s, {
        method: 'POST',
        url: `/api/disasters/${flood.id}/photos${query}`,
        headers: { 'content-type': type },
        payload: body,
      }),
    );
  const fetchPhoto = (s: Session, id: number) =>
    t.app.inject(as(s, { method: 'GET', url: `/api/disaster-photos/${id}` }));

  it('keeps a township’s photo of its filing and gives the same bytes back to it and the district', async () => {
    const res = await upload(
      w.officerA,
      PNG,
      'image/png',
      `?filingId=${filingA.id}&caption=${encodeURIComponent('村道塌方')}`,
    );
    expect(res.statusCode, res.body).toBe(201);
    const photo = res.json();
    expect(photo).toMatchObject({
      disasterId: flood.id,
      filingId: filingA.id,
      unitId: w.a.id,
      mime: 'image/png',
      size: PNG.length,
      caption: '村道塌方',
      uploadedBy: 'wt-officer',
      uploadedAt: '2026-06-19T03:00:00.000Z',
    });
    for (const s of [w.officerA, w.officer]) {
      const got = await fetchPhoto(s, photo.id);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.rawPayload.equals(PNG)).toBe(true);
    }
    // Another township sees the disaster, not this photo: not in its list, 404 for its id.
    expect((await fetchPhoto(w.officerB, photo.id)).statusCode).toBe(404);
    const listB = await t.app.inject(
      as(w.officerB, { method: 'GET', url: `/api/disasters/${flood.id}/photos` }),
    );
    expect(listB.statusCode).toBe(200);
    expect(listB.json().photos).toEqual([]);
    const listA = await t.app.inject(
      as(w.officerA, { method: 'GET', url: `/api/disasters/${flood.id}/photos` }),
    );
    expect(listA.json().photos.map((p: { id: number }) => p.id)).toEqual([photo.id]);
    // The filing names its photo wherever it is read.
    const filings = await t.app.inject(
      as(w.officer, { method: 'GET', url: `/api/disasters/${flood.id}/filings?unitId=${w.a.id}` }),
    );
    expect(filings.statusCode, filings.body).toBe(200);
    const filed = filings.json().filings.find((f: { id: number }) => f.id === filingA.id);
    expect(filed.photoIds).toEqual([photo.id]);
  });

  it('takes a community informant’s JPEG and WebP; the township above sees them, the one beside does not', async () => {
    const jpeg = await upload(w.informantA1, JPEG, 'image/jpeg');
    expect(jpeg.statusCode, jpeg.body).toBe(201);
    expect(jpeg.json()).toMatchObject({ unitId: w.a1.id, mime: 'image/jpeg', filingId: null });
    const webp = await upload(w.informantA1, WEBP, 'image/webp');
    expect(webp.statusCode, webp.body).toBe(201);
    expect((await fetchPhoto(w.officerA, jpeg.json().id)).statusCode).toBe(200);
    expect((await fetchPhoto(w.officerB, webp.json().id)).statusCode).toBe(404);
    // The community does not see its township's own photo.
    const listA1 = await t.app.inject(
      as(w.informantA1, { method: 'GET', url: `/api/disasters/${flood.id}/photos` }),
    );
    expect(listA1.json().photos.map((p: { unitId: number }) => p.unitId)).toEqual([w.a1.id, w.a1.id]);
  });

  it('refuses a photo over the limit with a clear message (413)', async () => {
    const big = Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(5000, 1)]);
    const res = await upload(w.officerA, big, 'image/png');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('DUTY_ERR_BODY_TOO_LARGE');
    expect(res.json().error.message).toContain('at most 4096 bytes');
  });

  it('refuses what is not an image whatever Content-Type it claims, and a type it is not', async () => {
    const text = await upload(
      w.officerA,
      Buffer.from('<html><script>alert(1)</script></html>'),
      'image/jpeg',
    );
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('DUTY_ERR_UNSUPPORTED_MEDIA');
    expect(text.json().error.message).toContain('not a JPEG, PNG or WebP');
    const swapped = await upload(w.officerA, PNG, 'image/jpeg');
    expect(swapped.statusCode).toBe(415);
    expect(swapped.json().error.message).toContain('image/png');
    const gif = await upload(w.officerA, Buffer.from('GIF89a0000'), 'image/gif');
    expect(gif.statusCode).toBe(415);
    const json = await t.app.inject(
      as(w.officerA, { method: 'POST', url: `/api/disasters/${flood.id}/photos`, payload: { photo: 'x' } }),
    );
    expect(json.statusCode).toBe(400);
    const empty = await t.app.inject(
      as(w.officerA, { method: 'POST', url: `/api/disasters/${flood.id}/photos`, payload: {} }),
    );
    expect(empty.statusCode).toBe(415);
    expect(empty.json().error.message).toContain('raw body');
    const photos = await t.app.inject(
      as(w.officer, { method: 'GET', url: `/api/disasters/${flood.id}/photos` }),
    );
    expect(photos.json().photos).toHaveLength(3);
  });

  it('refuses a filing the uploader may not see (404)', async () => {
    const res = await upload(w.officerB, PNG, 'image/png', `?filingId=${filingA.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toEqual({
      code: 'DUTY_ERR_NOT_FOUND',
      message: `filing ${filingA.id} not found`,
    });
  });
});

describe('disaster photos kept in a folder (DUTY_PHOTO_DIR)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duty-photos-'));
  let t: TestApp;
  let w: ReportsWorld;

  beforeAll(async () => {
    t = await startApp({ clock: fixedClock('2026-06-19T03:00:00Z'), config: { photoDir: dir } });
    w = await buildReportsWorld(t.app);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the bytes there, not into the database, and serves them back', async () => {
    const flood = await createDisaster(t.app, w.officer, {
      type: 'flood',
      title: '6·19洪涝',
      beganAt: '2026-06-19T02:00:00.000Z',
      townships: [w.a.id],
    });
    const res = await t.app.inject(
      as(w.officerA, {
        method: 'POST',
        url: `/api/disasters/${flood.id}/photos`,
        headers: { 'content-type': 'image/png' },
        payload: PNG,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f-]{36}\.png$/);
    expect(readFileSync(join(dir, files[0]!)).equals(PNG)).toBe(true);
    const row = await t.app.db
      .selectFrom('disaster_photos')
      .select(['data', 'file_name'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ data: null, file_name: files[0] });
    const got = await t.app.inject(
      as(w.officer, { method: 'GET', url: `/api/disaster-photos/${res.json().id}` }),
    );
    expect(got.rawPayload.equals(PNG)).toBe(true);
  });
});

describe('photo configuration', () => {
  it('stops the start with a clear message for a missing folder or a wrong size', () => {
    const bad = () =>
      loadConfig({ DUTY_PHOTO_DIR: '/no/such/folder/for/photos', DUTY_PHOTO_MAX_BYTES: 'five' });
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (err) {
      const { problems } = err as ConfigError;
      expect(problems).toContain(
        'DUTY_PHOTO_DIR "/no/such/folder/for/photos" must be an existing folder the server can read and write',
      );
      expect(problems).toContain(
        'DUTY_PHOTO_MAX_BYTES must be a whole number from 1024 to 52428800 (got "five")',
      );
    }
    expect(loadConfig({}).photoMaxBytes).toBe(5 * 1024 * 1024);
    expect(loadConfig({}).photoDir).toBeNull();
  });
});
