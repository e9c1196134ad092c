import type { LogKind } from '@shared/schemas/logbook';
import type { AnyKey } from '../i18n';

export const LOG_KINDS: LogKind[] = ['call', 'notice', 'instruction', 'equipment', 'note'];

export const kindLabel: Record<LogKind, AnyKey> = {
  call: 'logbook.kind.call',
  notice: 'logbook.kind.notice',
  instruction: 'logbook.kind.instruction',
  equipment: 'logbook.kind.equipment',
  note: 'logbook.kind.note',
};

export const kindColor: Record<LogKind, string> = {
  call: 'blue',
  notice: 'cyan',
  instruction: 'gold',
  equipment: 'green',
  note: 'default',
};

/** Which fields a kind asks for, and what they are called for it. */
export interface KindFields {
  name: AnyKey | null;
  unit: AnyKey | null;
  post: AnyKey | null;
  phone: AnyKey | null;
  content: AnyKey;
  alreadyTold: AnyKey | null;
  handling: AnyKey | null;
}

export const kindFields: Record<LogKind, KindFields> = {
  call: {
    name: 'logbook.field.callerName',
    unit: 'logbook.field.callerUnit',
    post: 'logbook.field.callerPost',
    phone: 'logbook.field.callerPhone',
    content: 'logbook.field.callContent',
    alreadyTold: 'logbook.field.alreadyTold',
    handling: 'logbook.field.handling',
  },
  notice: {
    name: 'logbook.field.noticeName',
    unit: 'logbook.field.noticeUnit',
    post: null,
    phone: 'logbook.field.callerPhone',
    content: 'logbook.field.noticeContent',
    alreadyTold: null,
    handling: 'logbook.field.noticeHandling',
  },
  instruction: {
    name: 'logbook.field.leaderName',
    unit: 'logbook.field.leaderUnit',
    post: null,
    phone: null,
    content: 'logbook.field.instructionContent',
    alreadyTold: null,
    handling: 'logbook.field.instructionHandling',
  },
  equipment: {
    name: null,
    unit: null,
    post: null,
    phone: null,
    content: 'logbook.field.equipmentContent',
    alreadyTold: null,
    handling: 'logbook.field.equipmentHandling',
  },
  note: {
    name: null,
    unit: null,
    post: null,
    phone: null,
    content: 'logbook.field.noteContent',
    alreadyTold: null,
    handling: null,
  },
};

/** Calls and notices can become incidents (the server's rule). */
export function canBecomeIncident(kind: LogKind): boolean {
  return kind === 'call' || kind === 'notice';
}
