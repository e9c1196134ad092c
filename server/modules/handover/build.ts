import { randomUUID } from 'node:crypto';
import { carriedItems } from '@shared/domain/handover-draft';
import { openSectionText, pendingSectionText } from '@shared/domain/handover-lines';
import {
  type CarriedItem,
  DERIVED_SECTIONS,
  type OpenIncident,
  type PendingItem,
  type Section,
  type SubmitHandoverBody,
} from '@shared/schemas/handover';
import { DutyError } from '../../errors';

export interface HandoverBase {
  sections: Section[];
  /** Pending items handed on so far (from the last handover, or this one as submitted). */
  pending: PendingItem[];
  /** Every incident open now. */
  open: OpenIncident[];
  /** Keys of the pending items the last handover handed on to this shift. */
  handedOn: ReadonlySet<string>;
}

const WRITTEN_FROM: Record<string, string> = {
  open: 'the open incidents (reword an item of body.carried instead)',
  pending: 'body.pending',
};

function editSections(base: Section[], edits: SubmitHandoverBody['content']): Section[] {
  const seen = new Set<string>();
  for (const e of edits) {
    if (seen.has(e.key)) throw new DutyError('DUTY_ERR_VALIDATION', `body.content: section "${e.key}" twice`);
    if (DERIVED_SECTIONS.includes(e.key))
      throw new DutyError(
        'DUTY_ERR_VALIDATION',
        `body.content: section "${e.key}" is written by the server from ${WRITTEN_FROM[e.key]}`,
      );
    seen.add(e.key);
  }
  return base.map((s) => ({ ...s, text: edits.find((e) => e.key === s.key)?.text ?? s.text }));
}

/** Items handed on keep their key; one left out stays as it was: a pending item is carried until done. */
function editPending(base: PendingItem[], edits: SubmitHandoverBody['pending']): PendingItem[] {
  const known = new Map(base.map((p) => [p.key, p]));
  const sent = edits.map((p) => ({
    key: p.key && known.has(p.key) ? p.key : randomUUID(),
    text: p.text,
    done: p.done ?? false,
  }));
  const mentioned = new Set(sent.map((p) => p.key));
  return [...base.filter((p) => !mentioned.has(p.key)), ...sent];
}

/**
 * The carry-over list: by default every open incident and unfinished pending item. A list sent by
 * the officer may reword items but must still hold every open incident; unfinished pending items
 * are carried whether listed or not.
 */
function carryOver(
  open: OpenIncident[],
  pending: PendingItem[],
  sent: SubmitHandoverBody['carried'],
  zone: string,
): CarriedItem[] {
  const all = carriedItems(open, pending, zone);
  if (!sent) return all;
  const byKey = new Map(all.map((c) => [c.key, c]));
  const unknown = sent.filter((c) => !byKey.has(c.key)).map((c) => c.key);
  if (unknown.length)
    throw new DutyError(
      'DUTY_ERR_UNPROCESSABLE',
      `not open incidents or unfinished pending items: ${unknown.join(', ')}`,
      {},
      { unknown },
    );
  const carried = sent.map((c) => ({ ...byKey.get(c.key)!, ...(c.text ? { text: c.text } : {}) }));
  const listed = new Set(carried.map((c) => c.key));
  const todo = all.filter((c) => c.kind === 'pending' && !listed.has(c.key));
  const missing = open.filter((o) => !listed.has(`incident:${o.id}`)).map((o) => o.id);
  if (missing.length > 0) {
    const message =
      carried.length + todo.length === 0
        ? `the carry-over list is empty while ${open.length} incident(s) are open: hand each one over`
        : `open incidents missing from the carry-over list: ${missing.map((id) => `#${id}`).join(', ')}`;
    throw new DutyError('DUTY_ERR_CARRY_OVER', message, {}, { missing });
  }
  return [...carried, ...todo];
}

export function buildHandover(
  base: HandoverBase,
  body: Partial<SubmitHandoverBody>,
  zone: string,
): { sections: Section[]; pending: PendingItem[]; carried: CarriedItem[] } {
  const edited = body.content ? editSections(base.sections, body.content) : base.sections;
  const pending = body.pending ? editPending(base.pending, body.pending) : base.pending;
  // The record says what the lists say, whoever composed the request.
  const derived: Partial<Record<Section['key'], string>> = {
    open: openSectionText(base.open, zone),
    pending: pendingSectionText(pending, base.handedOn),
  };
  const sections = edited.map((s) => ({ ...s, text: derived[s.key] ?? s.text }));
  return { sections, pending, carried: carryOver(base.open, pending, body.carried, zone) };
}
