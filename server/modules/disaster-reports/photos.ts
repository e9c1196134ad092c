import { createHash, randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DisasterPhoto } from '@shared/schemas/disasters';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { DutyError, notFound } from '../../errors';
import type { Tx } from '../../events/command';
import { nowStored } from '../../time';
import { isWithin } from '../units/service';
import type { DisasterPhotosTable } from './table';

/**
 * Photos of a disaster (a community's filing, a report): JPEG, PNG or WebP judged by their first
 * bytes — never by the Content-Type the client claims — at most DUTY_PHOTO_MAX_BYTES, kept in the
 * database or, when DUTY_PHOTO_DIR is set, as a file there under a random name. Each belongs to a
 * unit (the filing's, else the uploader's) and is seen only by those who see that unit.
 */

export type PhotoMime = DisasterPhotosTable['mime'];
export const PHOTO_MIMES: readonly PhotoMime[] = ['image/jpeg', 'image/png', 'image/webp'];
const EXTENSIONS: Record<PhotoMime, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

type PhotoRow = Omit<Selectable<DisasterPhotosTable>, 'data'>;

/** The image type the bytes themselves say, or null (magic numbers of JPEG, PNG and WebP). */
export function sniffImage(bytes: Uint8Array): PhotoMime | null {
  const at = (i: number, ...values: number[]) => values.every((v, k) => bytes[i + k] === v);
  if (bytes.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (bytes.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (bytes.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50))
    return 'image/webp';
  return null;
}

export function toPhoto(row: PhotoRow): DisasterPhoto {
  return {
    id: Number(row.id),
    disasterId: Number(row.disaster_id),
    filingId: row.filing_id === null ? null : Number(row.filing_id),
    unitId: Number(row.unit_id),
    mime: row.mime,
    size: Number(row.size),
    caption: row.caption,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
  };
}

const COLUMNS = [
  'id',
  'disaster_id',
  'filing_id',
  'unit_id',
  'unit_path',
  'mime',
  'size',
  'sha256',
  'caption',
  'file_name',
  'uploaded_by',
  'uploaded_at',
] as const;

export interface PhotoUpload {
  disasterId: number;
  filingId: number | null;
  unit: { id: number; path: string };
  declaredMime: string;
  caption: string;
  bytes: Buffer;
  maxBytes: number;
  /** DUTY_PHOTO_DIR, or null: in the database. */
  dir: string | null;
}

export function checkPhoto(bytes: Buffer, declaredMime: string, maxBytes: number): PhotoMime {
  if (bytes.length === 0) throw new DutyError('DUTY_ERR_VALIDATION', 'the photo is empty');
  if (bytes.length > maxBytes) {
    throw new DutyError(
      'DUTY_ERR_BODY_TOO_LARGE',
      `the photo is ${bytes.length} bytes; at most ${maxBytes} bytes are accepted (DUTY_PHOTO_MAX_BYTES)`,
    );
  }
  const mime = sniffImage(bytes);
  if (mime === null) {
    throw new DutyError(
      'DUTY_ERR_UNSUPPORTED_MEDIA',
      'the file is not a JPEG, PNG or WebP image (its content was checked, not its Content-Type)',
    );
  }
  if (mime !== declaredMime) {
    throw new DutyError(
      'DUTY_ERR_UNSUPPORTED_MEDIA',
      `the file is ${mime} but was sent as ${declaredMime}: send it with its own type`,
    );
  }
  return mime;
}

/** Stores one photo (row + event); a file written for it is removed again if the change fails. */
export async function addPhoto(tx: Tx, upload: PhotoUpload): Promise<DisasterPhoto> {
  const mime = checkPhoto(upload.bytes, upload.declaredMime, upload.maxBytes);
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const fileName = upload.dir ? `${randomUUID()}.${EXTENSIONS[mime]}` : null;
  if (upload.dir && fileName) await writeFile(join(upload.dir, fileName), upload.bytes, { flag: 'wx' });
  try {
    const inserted = await tx.trx
      .insertInto('disaster_photos')
      .values({
        disaster_id: upload.disasterId,
        filing_id: upload.filingId,
        unit_id: upload.unit.id,
        unit_path: upload.unit.path,
        mime,
        size: upload.bytes.length,
        sha256,
        caption: upload.caption,
        data: fileName ? null : upload.bytes,
        file_name: fileName,
        uploaded_by: tx.actor,
        uploaded_at: nowStored(tx.clock),
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    const photo = toPhoto(inserted);
    await tx.record({
      type: 'disaster.photo_added',
      subject: `disaster:${upload.disasterId}`,
      payload: { photo },
      unit: upload.unit.path,
    });
    return photo;
  } catch (err) {
    if (upload.dir && fileName) await rm(join(upload.dir, fileName), { force: true });
    throw err;
  }
}

/** The disaster's photos the viewer may see (those of their unit and below), oldest first. */
export async function listPhotos(
  db: DbOrTrx,
  disasterId: number,
  viewerPath: string,
): Promise<DisasterPhoto[]> {
  const rows = await db
    .selectFrom('disaster_photos')
    .select(COLUMNS)
    .where('disaster_id', '=', disasterId)
    .orderBy('id')
    .execute();
  return rows.filter((r) => isWithin(viewerPath, r.unit_path)).map(toPhoto);
}

/** One photo's bytes, when the viewer may see it; 404 otherwise (nobody learns it exists). */
export async function photoBytes(
  db: DbOrTrx,
  photoId: number,
  viewerPath: string,
  dir: string | null,
): Promise<{ photo: DisasterPhoto; bytes: Buffer }> {
  const row = await db.selectFrom('disaster_photos').selectAll().where('id', '=', photoId).executeTakeFirst();
  if (!row || !isWithin(viewerPath, row.unit_path)) return notFound(`photo ${photoId}`);
  let bytes: Buffer;
  if (row.file_name !== null) {
    if (!dir)
      throw new DutyError(
        'DUTY_ERR_NOT_FOUND',
        `photo ${photoId} is kept in a folder that is not configured (DUTY_PHOTO_DIR)`,
      );
    bytes = await readFile(join(dir, row.file_name));
  } else {
    bytes = Buffer.from(row.data ?? new Uint8Array());
  }
  return { photo: toPhoto(row), bytes };
}
