import type { Handover } from '../schemas/handover';
import { localTime, numbered } from './handover-lines';
import { zoneName } from './zone-name';

/** The printed handover as blocks, so Markdown, PDF and the print view say the same thing. */
export type HandoverBlock =
  | { kind: 'title'; text: string }
  | { kind: 'meta'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'lines'; lines: string[] }
  | { kind: 'signatures'; rows: { role: string; name: string; at: string }[] };

const FULL = 'yyyy-MM-dd HH:mm';

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

export function handoverBlocks(h: Handover): HandoverBlock[] {
  const zone = h.shift.zone;
  const t = (at: string) => localTime(at, zone, FULL);
  const blocks: HandoverBlock[] = [
    { kind: 'title', text: '交接班记录' },
    {
      kind: 'meta',
      lines: [
        `值班日期：${h.shift.dutyDate}`,
        `班次：${t(h.shift.start)} 至 ${t(h.shift.end)}（${zoneName(zone, 'zh', Date.parse(h.shift.start))}）`,
        `状态：${h.status === 'sealed' ? '已签收封存' : '待接班人签收'}　编号：${h.id}`,
        // Paper witnesses the log: `npm run audit:verify -- --expect <seq>:<hash>` checks it.
        ...(h.anchor ? [`审计锚点：事件序号 ${h.anchor.seq}，哈希 ${h.anchor.hash.slice(0, 16)}…`] : []),
      ],
    },
  ];
  for (const s of h.content.sections) {
    blocks.push({ kind: 'heading', text: s.title }, { kind: 'lines', lines: s.text.split('\n') });
  }
  // Records older than the alarm list say nothing rather than a false "无".
  if (h.alarms !== null)
    blocks.push(
      { kind: 'heading', text: '交班时未解除的告警' },
      { kind: 'lines', lines: numbered(h.alarms.map((a) => a.text)).split('\n') },
    );
  const early = earlyLines(h, t);
  if (early.length) blocks.push({ kind: 'heading', text: '提前交接' }, { kind: 'lines', lines: early });
  blocks.push(
    { kind: 'heading', text: '移交事项（接班人逐项确认）' },
    {
      kind: 'lines',
      lines: h.carried.length
        ? h.carried.map((c) => `${c.text}${c.confirmed ? '（已确认）' : '（待确认）'}`)
        : ['无'],
    },
  );
  if (h.notes.trim())
    blocks.push({ kind: 'heading', text: '交班人备注' }, { kind: 'lines', lines: h.notes.split('\n') });
  blocks.push(
    { kind: 'heading', text: '签字' },
    {
      kind: 'signatures',
      rows: [
        { role: '交班人', name: h.submittedByName, at: t(h.submittedAt) },
        {
          role: '接班人',
          name: h.acceptedByName ?? `（待签收：${h.incoming?.name ?? '未排班'}）`,
          at: h.acceptedAt ? t(h.acceptedAt) : '',
        },
      ],
    },
  );
  if (h.amendments.length) {
    blocks.push(
      { kind: 'heading', text: '更正记录' },
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
