/**
 * REPORT-STYLE.md §6: the checklist a program applies to every generated report text before it is
 * shown as ready to send. ERR blocks sending (the officer edits); WARN is shown beside the text.
 * Patterns run line by line over the body; table rows (lines starting with "|") are skipped.
 */

export type ReportCheckLevel = 'ERR' | 'WARN';

export interface ReportFinding {
  id: string;
  level: ReportCheckLevel;
  /** 1-based line number; 0 for whole-text checks. */
  line: number;
  match: string;
  hint: string;
}

interface PatternRule {
  id: string;
  level: ReportCheckLevel;
  re: RegExp;
  hint: string;
  /** Run on the line with standard citations (GB/T 15835-2011) removed. */
  uncited?: boolean;
}

const RULES: PatternRule[] = [
  { id: 'F01', level: 'ERR', re: /(\d{1,2})时0{1,2}分/u, hint: '整点不写分' },
  { id: 'F02', level: 'ERR', re: /时([1-9])分/u, hint: '分钟补足两位' },
  {
    id: 'F03',
    level: 'ERR',
    re: /\b(?:null|undefined|NaN|Infinity)\b|\[object Object\]|Invalid (?:Date|DateTime)/u,
    hint: '程序漏值',
  },
  { id: 'F04', level: 'ERR', re: /\d{4}-\d{1,2}-\d{1,2}|\d{1,2}:\d{2}|T\d{2}:\d{2}/u, hint: '机器时间' },
  { id: 'F05', level: 'ERR', re: /[A-Za-z]/u, hint: '英文、拼音、用户名、代码、时区名', uncited: true },
  { id: 'F06', level: 'ERR', re: /(?<!^\d{1,2}\.)\x20/u, hint: '不留半角空格', uncited: true },
  { id: 'F07', level: 'ERR', re: /[,;:!?()"']/u, hint: '半角标点' },
  { id: 'F08', level: 'ERR', re: /(?<![\d.])0\d(?=[月日时])/u, hint: '去掉前导0' },
  {
    id: 'F09',
    level: 'ERR',
    re: /(?:死亡|受伤|重伤|轻伤|失踪|下落不明|被困|遇难)\x20*0\x20*人/u,
    hint: '零值写成句子',
  },
  { id: 'F10', level: 'WARN', re: /截止(?!日期|时间)/u, hint: '截至' },
  { id: 'F11', level: 'WARN', re: /约[^，。；]{0,12}左右/u, hint: '只留一个' },
  { id: 'F12', level: 'ERR', re: /\d+\.\d{3,}\x20*(?:万元|亿元|公顷)/u, hint: '保留至多2位小数' },
  {
    id: 'F13',
    level: 'ERR',
    re: /今天|昨天|明天|今日|昨日|明日|今晨|昨晚|今晚|今早|今年|去年/u,
    hint: '写日期',
  },
  { id: 'F14', level: 'ERR', re: /(?:凌晨|上午|中午|下午|晚上|傍晚)\d/u, hint: '24小时制' },
  { id: 'F15', level: 'ERR', re: /待补充|待定级|未定级|TODO|TBD|[×X]{2,}/u, hint: '写内容或“正在核实”' },
  { id: 'F16', level: 'ERR', re: /#\d+/u, hint: '控制台编号' },
  { id: 'F17', level: 'ERR', re: /【(?!演练】)[^】]*】/u, hint: '界面标记' },
  { id: 'F18', level: 'ERR', re: /[。，、；：]{2,}/u, hint: '标点重复' },
  { id: 'F19', level: 'WARN', re: /(?:一般|较大|重大|特别重大)（[ⅠⅡⅢⅣ]级）/u, hint: '事故等级不带罗马数字' },
  {
    id: 'F20',
    level: 'ERR',
    re: /(?:城镇燃气|道路交通|建设施工|工贸|危险化学品|特种设备|其他事故)(?:事件|：)/u,
    hint: '写事件名称',
  },
  { id: 'F21', level: 'ERR', re: /[！!]|[\u{1F300}-\u{1FAFF}]/u, hint: '删去' },
  { id: 'F22', level: 'WARN', re: /\d+[~～\-—至]\d+(?:\.\d+)?(?:万|亿|%)/u, hint: '单位两边都写' },
  { id: 'F23', level: 'WARN', re: /；\d+\./u, hint: '一是……二是……' },
  { id: 'F24', level: 'WARN', re: /第一时间/u, hint: '写具体时间' },
  { id: 'F25', level: 'ERR', re: /已告知：无|报告人[^。]*联系电话/u, hint: '来电信息不进上报正文' },
  { id: 'F26', level: 'WARN', re: /由\x20*\d+[^，。；]{0,5}变为/u, hint: '增至/减至' },
];

const CITATION = /GB\/T\x20?\d+(?:\.\d+)?-\d{4}/gu;

/** The allowed "unknown" sentences of C02 and the bare placeholders it refuses. */
const EMPTY_ITEM = /^(?:无|待核实|正在核实)?。?$/u;

export interface ReportCheckContext {
  /** The caller's unit: never in （一） unless it is also the accident unit (C01). */
  callerUnit?: string | null;
  accidentUnit?: string | null;
  /** An accident's 首报 must carry all six items (C02). */
  sixItems?: boolean;
}

export function checkReportText(text: string, ctx: ReportCheckContext = {}): ReportFinding[] {
  const findings: ReportFinding[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, k) => {
    if (raw.startsWith('|')) return;
    // Paragraph indents are full-width spaces; judge the text itself.
    const line = raw.replace(/^　+/u, '');
    const uncited = line.replace(CITATION, '');
    for (const rule of RULES) {
      const m = (rule.uncited ? uncited : line).match(rule.re);
      if (m) findings.push({ id: rule.id, level: rule.level, line: k + 1, match: m[0], hint: rule.hint });
    }
  });
  const caller = ctx.callerUnit?.trim();
  if (caller && caller !== ctx.accidentUnit?.trim()) {
    const k = lines.findIndex((l) => l.includes('（一）'));
    if (k >= 0 && lines[k]!.includes(caller)) {
      findings.push({
        id: 'C01',
        level: 'ERR',
        line: k + 1,
        match: caller,
        hint: '（一）写事发单位，不写来电单位',
      });
    }
  }
  if (ctx.sixItems) {
    for (const item of ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）']) {
      const k = lines.findIndex((l) => l.includes(item));
      const rest =
        k < 0 ? '' : lines[k]!.slice(lines[k]!.indexOf(item) + item.length).replace(/^[^。]*。/u, '');
      if (k < 0 || EMPTY_ITEM.test(rest.trim())) {
        findings.push({ id: 'C02', level: 'ERR', line: k + 1, match: item, hint: '六项齐全，不留空' });
      }
    }
    const measures = lines.find((l) => l.includes('（五）')) ?? '';
    if (/正在核实/u.test(measures) || !/\d时/u.test(measures)) {
      findings.push({ id: 'C02', level: 'ERR', line: 0, match: '（五）', hint: '（五）写本局措施及时间' });
    }
  }
  return findings;
}

/** Only the findings that block sending. */
export const reportErrors = (text: string, ctx?: ReportCheckContext) =>
  checkReportText(text, ctx).filter((f) => f.level === 'ERR');
