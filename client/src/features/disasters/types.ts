// TEMPORARY: the plan's response shapes until shared/schemas/disasters.ts is merged from h17-core.
import type {
  DisasterFigures,
  DisasterObligationKind,
  DisasterRecipient,
  DisasterReportKind,
  DisasterState,
  DisasterType,
  FilingKind,
} from './domain';

export interface DisasterSummary {
  id: number;
  type: DisasterType;
  subtype: string | null;
  title: string;
  beganAt: string;
  state: DisasterState;
  major: boolean;
  severe: boolean;
  townships: { id: number; name: string }[];
  totals: DisasterFigures;
  nextDueAt: string | null;
  overdue: number;
}
export interface TownshipFigures {
  unitId: number;
  name: string;
  figures: DisasterFigures;
  lastFiledAt: string | null;
  lastFiledBy: string | null;
  onBehalf: boolean;
  filed: boolean;
}
export interface DisasterObligation {
  key: string;
  kind: DisasterObligationKind;
  unitId: number | null;
  recipient: DisasterRecipient | null;
  dueAt: string;
  dueLocal: string;
  doneAt: string | null;
  onTime: boolean | null;
  overdue: boolean;
}
export interface Victim {
  id: number;
  disasterId: number;
  unitId: number;
  unitName?: string;
  name: string;
  status: 'dead' | 'missing';
  cause: string;
  date: string;
  note: string;
}
export interface Filing {
  id: number;
  disasterId: number;
  unitId: number;
  unitName: string;
  kind: FilingKind;
  forDate: string | null;
  figures: DisasterFigures;
  nothingNew: boolean;
  note: string;
  onBehalf: boolean;
  filedBy: string;
  filedByName: string;
  filedAt: string;
  photoIds: number[];
}
export interface Disaster extends Omit<DisasterSummary, 'townships'> {
  townships: TownshipFigures[];
  obligations: DisasterObligation[];
  victims: Victim[];
  fromBelow: Filing[];
  links: {
    incidents: { id: number; summary: string }[];
    warnings: { id: number; type: string; level: string }[];
  };
  disasterText: string;
  reliefText: string;
  majorSince: string | null;
  severeSince: string | null;
  stableAt: string | null;
  closedAt: string | null;
}
export interface CreateDisasterBody {
  type: DisasterType;
  subtype?: string;
  title: string;
  beganAt: string;
  townships: number[];
  major?: boolean;
  severeLoss?: boolean;
  disasterText?: string;
  reliefText?: string;
  incidentIds?: number[];
  warningIds?: number[];
}
export type PatchDisasterBody = Partial<Omit<CreateDisasterBody, 'type' | 'beganAt'>>;
export interface FilingBody {
  unitId: number;
  kind: FilingKind;
  forDate?: string;
  figures?: Partial<DisasterFigures>;
  nothingNew?: boolean;
  note?: string;
}
export interface VictimBody {
  unitId: number;
  name: string;
  status: 'dead' | 'missing';
  cause: string;
  date: string;
  note?: string;
}
export interface DisasterDraft {
  title: string;
  text: string;
}
export interface DisasterReport {
  id: number;
  disasterId: number;
  kind: DisasterReportKind;
  recipient: DisasterRecipient;
  forDate: string | null;
  title: string;
  text: string;
  sentBy: string;
  sentAt: string;
  onTime: boolean | null;
}
export interface DisasterSignoff {
  id: number;
  disasterId: number;
  kind: DisasterReportKind;
  recipients: DisasterRecipient[];
  forDate: string | null;
  title: string;
  text: string;
  leader: string;
  leaderName?: string;
  status: 'pending' | 'approved' | 'returned' | 'used';
  comment?: string | null;
}
export interface DisasterPhoto {
  id: number;
  disasterId: number;
  filingId: number | null;
  unitId: number;
  mime: string;
  size: number;
  caption: string;
  uploadedBy: string;
  uploadedAt: string;
}
