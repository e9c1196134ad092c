import { bureauWallToIso } from '@client/lib/time';
import type { LogKind, NewLogEntry } from '@shared/schemas/logbook';
import { kindFields } from './log-labels';

export interface LogEntryValues {
  /** Bureau wall time `2026-03-05T14:03`. */
  at?: string;
  callerName?: string;
  callerUnit?: string;
  callerPost?: string;
  callerPhone?: string;
  content?: string;
  alreadyTold?: string;
  handling?: string;
}

const trimmed = (value: string | undefined) => {
  const text = value?.trim();
  return text ? text : undefined;
};

/**
 * The body for a kind: only the fields that kind asks for, blanks left out. Without `atIso` the
 * server stamps the entry with its own clock (the officer did not change the time).
 */
export function toNewEntry(kind: LogKind, values: LogEntryValues, atIso: string | null): NewLogEntry {
  const fields = kindFields[kind];
  const body: NewLogEntry = { kind, content: values.content?.trim() ?? '' };
  if (atIso) body.at = atIso;
  const optional = {
    callerName: fields.name && trimmed(values.callerName),
    callerUnit: fields.unit && trimmed(values.callerUnit),
    callerPost: fields.post && trimmed(values.callerPost),
    callerPhone: fields.phone && trimmed(values.callerPhone),
    alreadyTold: fields.alreadyTold && trimmed(values.alreadyTold),
    handling: fields.handling && trimmed(values.handling),
  };
  for (const [key, value] of Object.entries(optional) as [
    keyof typeof optional,
    string | null | undefined,
  ][]) {
    if (value) body[key] = value;
  }
  return body;
}

/** The instant of a wall time typed by the officer, or null when it is not a valid time. */
export function wallToIso(wall: string | undefined): string | null {
  return wall ? bureauWallToIso(wall) : null;
}
