import type { Generated } from 'kysely';

/** 签发 of a disaster report: one leader approves or returns; an approval is used by one send. */
export interface DisasterSignoffsTable {
  id: Generated<number>;
  disaster_id: number;
  kind: 'initial' | 'followup' | 'daily' | 'verify';
  /** JSON array of DisasterRecipient. */
  recipients: string;
  for_date: string | null;
  title: string;
  text: string;
  leader: string;
  requested_by: string;
  requested_at: string;
  status: 'pending' | 'approved' | 'returned' | 'used';
  decided_at: string | null;
  comment: string | null;
}

/** A photo of a filing or a report: bytes in `data`, or `file_name` under DUTY_PHOTO_DIR. */
export interface DisasterPhotosTable {
  id: Generated<number>;
  disaster_id: number;
  filing_id: number | null;
  unit_id: number;
  unit_path: string;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  size: number;
  sha256: string;
  caption: string;
  data: Uint8Array | null;
  file_name: string | null;
  uploaded_by: string;
  uploaded_at: string;
}

/**
 * Reports sent upward: one immutable row per recipient (created by the core's migration
 * 2026-12-09-disasters, written only here). `figures`: JSON { totals, townships: [{ unitId, name,
 * figures }] }; `signoff`: JSON ReportSignoff; `signoff_request_id` (unique): on the first report of
 * a send only — one approval covers every recipient of it.
 */
export interface DisasterReportsTable {
  id: Generated<number>;
  disaster_id: number;
  kind: string;
  recipient: string;
  for_date: string | null;
  title: string;
  text: string;
  figures: string;
  signoff: string | null;
  signoff_request_id: number | null;
  sent_by: string;
  sent_at: string;
  on_time: number | null;
}
