import type { Handover, SectionKey } from '../schemas/handover';
import { localTime, numbered } from './handover-lines';
import { type ZoneLang, zoneName } from './zone-name';

/** The printed handover as blocks, so Markdown, PDF and the print view say the same thing. */
export type HandoverBlock =
  | { kind: 'title'; text: string }
  | { kind: 'meta'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'lines'; lines: string[] }
  | { kind: 'signatures'; rows: { role: string; name: string; at: string }[] };

const FULL = 'yyyy-MM-dd HH:mm';

/**
 * The printed form's own words in the console's language. The exports (Markdown, PDF) are the
 * Chinese record; the print view follows the console, so an English reader sees English labels
 * around the record's own (Chinese) text.
 */
const WORDS = {
  zh: {
    title: '交接班记录',
    dutyDate: '值班日期：',
    shift: (from: string, to: string, zone: string) => `班次：${from} 至 ${to}（${zone}）`,
    sealed: '已签收封存',
    submitted: '待接班人签收',
    status: (state: string, id: number) => `状态：${state}　编号：${id}`,
    anchor: (seq: number, hash: string) => `审计锚点：事件序号 ${seq}，哈希 ${hash}…`,
    alarms: '交班时未解除的告警',
    early: '提前交接',
    carried: '移交事项（接班人逐项确认）',
    confirmed: '（已确认）',
    unconfirmed: '（待确认）',
    none: '无',
    notes: '交班人备注',
    signatures: '签字',
    outgoing: '交班人',
    incoming: '接班人',
    awaiting: (name: string) => `（待签收：${name}）`,
    unrostered: '未排班',
    amendments: '更正记录',
    sections: null as Record<SectionKey, string> | null,
  },
  en: {
    title: 'Shift handover record',
    dutyDate: 'Duty date: ',
    shift: (from: string, to: string, zone: string) => `Shift: ${from} to ${to} (${zone})`,
    sealed: 'signed and sealed',
    submitted: 'awaiting the incoming officer',
    status: (state: string, id: number) => `Status: ${state}  No. ${id}`,
    anchor: (seq: number, hash: string) => `Audit anchor: event ${seq}, hash ${hash}…`,
    alarms: 'Alarms still open at handover',
    early: 'Early handover',
    carried: 'Items handed over (confirmed one by one)',
    confirmed: ' (confirmed)',
    unconfirmed: ' (to confirm)',
    none: 'None',
    notes: 'Outgoing officer’s notes',
    signatures: 'Signatures',
    outgoing: 'Outgoing',
    incoming: 'Incoming',
    awaiting: (name: string) => `(awaiting: ${name})`,
    unrostered: 'not rostered',
    amendments: 'Corrections',
    sections: {
      people: 'People on duty',
      warnings: 'Warnings and emergency responses',
      attendance: 'Check-ins and spot-checks',
      received: 'Incidents received',
      open: 'Open incidents',
      reports: 'Reports sent',
      calls: 'Calls and notices',
      instructions: 'Leaders’ instructions',
      pending: 'Pending items',
      equipment: 'Communications and equipment',
      notes: 'Notes',
    } as Record<SectionKey, string> | null,
  },
};

/** '21 小时', '20 小时 50 分钟', '45 分钟'. */
function span(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} 小时` : '', m || !h ? `${m} 分钟` : ''].filter(Boolean).join(' ');
}

/** Why the post changed hands before the handover window, when it did. */
function earlyLines(h: Handover, t: (at: string) => string): string[] {
  const end = Date.parse(h.shift.end);
  const lines: string[] = [];
  if (h.earlyReason !== null)
    lines.push(
      `交班早于交接时间 ${span(end - Date.parse(h.submittedAt))}（${t(h.submittedAt)} 交班，交接时间 ${t(h.shift.end)}），原因：${h.earlyReason}`,
    );
  if (h.acceptedEarlyReason !== null && h.acceptedAt)
    lines.push(
      `接班早于交接时间 ${span(end - Date.parse(h.acceptedAt))}（${t(h.acceptedAt)} 签收），原因：${h.acceptedEarlyReason}`,
    );
  return lines;
}

export function handoverBlocks(h: Handover, lang: ZoneLang = 'zh'): HandoverBlock[] {
  const w = WORDS[lang];
  const zone = h.shift.zone;
  const t = (at: string) => localTime(at, zone, FULL);
  const blocks: HandoverBlock[] = [
    { kind: 'title', text: w.title },
    {
      kind: 'meta',
      lines: [
        `${w.dutyDate}${h.shift.dutyDate}`,
        w.shift(t(h.shift.start), t(h.shift.end), zoneName(zone, lang, Date.parse(h.shift.start))),
        w.status(h.status === 'sealed' ? w.sealed : w.submitted, h.id),
        // Paper witnesses the log: `npm run audit:verify -- --expect <seq>:<hash>` checks it.
        ...(h.anchor ? [w.anchor(h.anchor.seq, h.anchor.hash.slice(0, 16))] : []),
      ],
    },
  ];
  for (const s of h.content.sections) {
    const title = w.sections?.[s.key as SectionKey] ?? s.title;
    blocks.push({ kind: 'heading', text: title }, { kind: 'lines', lines: s.text.split('\n') });
  }
  // Records older than the alarm list say nothing rather than a false "无".
  if (h.alarms !== null)
    blocks.push(
      { kind: 'heading', text: w.alarms },
      { kind: 'lines', lines: numbered(h.alarms.map((a) => a.text)).split('\n') },
    );
  const early = earlyLines(h, t);
  if (early.length) blocks.push({ kind: 'heading', text: w.early }, { kind: 'lines', lines: early });
  blocks.push(
    { kind: 'heading', text: w.carried },
    {
      kind: 'lines',
      lines: h.carried.length
        ? h.carried.map((c) => `${c.text}${c.confirmed ? w.confirmed : w.unconfirmed}`)
        : [w.none],
    },
  );
  if (h.notes.trim())
    blocks.push({ kind: 'heading', text: w.notes }, { kind: 'lines', lines: h.notes.split('\n') });
  blocks.push(
    { kind: 'heading', text: w.signatures },
    {
      kind: 'signatures',
      rows: [
        { role: w.outgoing, name: h.submittedByName, at: t(h.submittedAt) },
        {
          role: w.incoming,
          name: h.acceptedByName ?? w.awaiting(h.incoming?.name ?? w.unrostered),
          at: h.acceptedAt ? t(h.acceptedAt) : '',
        },
      ],
    },
  );
  if (h.amendments.length) {
    blocks.push(
      { kind: 'heading', text: w.amendments },
      {
        kind: 'lines',
        lines: h.amendments.map((a, i) => `${i + 1}. ${t(a.signedAt)} ${a.authorName}：${a.text}`),
      },
    );
  }
  return blocks;
}

/**
 * Free text as Markdown that says exactly what was typed: no raw HTML (`<`, `>` and `&` become
 * entities), no links, images, emphasis, code or table cells (their punctuation is escaped), and
 * no block a line could open at its start (heading, quote, list, thematic break).
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)(#{1,6}(?=\s|$)|[-+=]|\d+(?=[.)]))/, (_, space: string, mark: string) =>
      /^\d/.test(mark) ? `${space}${mark}\\` : `${space}${mark.replace(/./g, (c) => `\\${c}`)}`,
    );
}

/** Every line ending CommonMark knows: a lone CR would start a line the escaping never saw. */
const split = (lines: string[]) => lines.flatMap((l) => l.split(/\r\n|\r|\n/));
/** A record's own numbered lines stay a list; anything else becomes an item of its own. */
function line(text: string): string {
  if (text === '') return text;
  const marker = /^(\d{1,9}\.|[-*]) /.exec(text);
  return marker ? `${marker[0]}${markdownText(text.slice(marker[0].length))}` : `- ${markdownText(text)}`;
}

export function handoverMarkdown(h: Handover): string {
  const out: string[] = [];
  for (const b of handoverBlocks(h)) {
    if (b.kind === 'title') out.push(`# ${markdownText(b.text)}`, '');
    else if (b.kind === 'meta') out.push(...split(b.lines).map((l) => `${markdownText(l)}  `), '');
    else if (b.kind === 'heading') out.push(`## ${markdownText(b.text)}`, '');
    else if (b.kind === 'lines') out.push(...split(b.lines).map(line), '');
    else
      out.push(
        '| | 姓名 | 时间 |',
        '| --- | --- | --- |',
        ...b.rows.map(
          (r) => `| ${markdownText(r.role)} | ${markdownText(r.name.replace(/\s+/g, ' '))} | ${r.at} |`,
        ),
        '',
      );
  }
  return `${out.join('\n').trimEnd()}\n`;
}
