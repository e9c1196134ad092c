import type { Handover } from '../schemas/handover';
import { localTime } from './handover-lines';

/** The printed handover as blocks, so Markdown, PDF and the print view say the same thing. */
export type HandoverBlock =
  | { kind: 'title'; text: string }
  | { kind: 'meta'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'lines'; lines: string[] }
  | { kind: 'signatures'; rows: { role: string; name: string; at: string }[] };

const FULL = 'yyyy-MM-dd HH:mm';

export function handoverBlocks(h: Handover): HandoverBlock[] {
  const zone = h.shift.zone;
  const t = (at: string) => localTime(at, zone, FULL);
  const blocks: HandoverBlock[] = [
    { kind: 'title', text: '交接班记录' },
    {
      kind: 'meta',
      lines: [
        `值班日期：${h.shift.dutyDate}`,
        `班次：${t(h.shift.start)} 至 ${t(h.shift.end)}（${zone}）`,
        `状态：${h.status === 'sealed' ? '已签收封存' : '待接班人签收'}　编号：${h.id}`,
        // Paper witnesses the log: `npm run audit:verify -- --expect <seq>:<hash>` checks it.
        ...(h.anchor ? [`审计锚点：事件序号 ${h.anchor.seq}，哈希 ${h.anchor.hash.slice(0, 16)}…`] : []),
      ],
    },
  ];
  for (const s of h.content.sections) {
    blocks.push({ kind: 'heading', text: s.title }, { kind: 'lines', lines: s.text.split('\n') });
  }
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

const cell = (text: string) => text.replace(/\|/g, '\\|');
const line = (text: string) => (/^(\d+\.|[-*]) /.test(text) || text === '' ? text : `- ${text}`);

export function handoverMarkdown(h: Handover): string {
  const out: string[] = [];
  for (const b of handoverBlocks(h)) {
    if (b.kind === 'title') out.push(`# ${b.text}`, '');
    else if (b.kind === 'meta') out.push(...b.lines.map((l) => `${l}  `), '');
    else if (b.kind === 'heading') out.push(`## ${b.text}`, '');
    else if (b.kind === 'lines') out.push(...b.lines.map(line), '');
    else
      out.push(
        '| | 姓名 | 时间 |',
        '| --- | --- | --- |',
        ...b.rows.map((r) => `| ${r.role} | ${cell(r.name)} | ${r.at} |`),
        '',
      );
  }
  return `${out.join('\n').trimEnd()}\n`;
}
