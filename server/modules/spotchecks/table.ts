import type { Generated } from 'kysely';

export interface SpotChecksTable {
  id: Generated<number>;
  source: 'leader' | 'admin' | 'upper';
  caller: string;
  note: string;
  issued_by: string;
  issued_at: string;
  due_at: string;
  answered_at: string | null;
  answered_by: string | null;
  answer_note: string | null;
  missed_raised_at: string | null;
}
