import type { Consultation, EmergencyResponse, Warning } from '../schemas/warnings';
import { numbered } from './handover-lines';
import { HEADQUARTERS } from './warning-types';

/** What the shift saw (预警与应急响应): warnings and responses in force during it, consultations held. */
export interface DraftWarnings {
  warnings: Pick<Warning, 'id' | 'label' | 'issuer' | 'effectiveAt' | 'liftedAt' | 'area'>[];
  responses: Pick<EmergencyResponse, 'id' | 'label' | 'headquarters' | 'startedAt' | 'endedAt'>[];
  consultations: Pick<Consultation, 'id' | 'heldAt' | 'participants' | 'conclusions' | 'orders'>[];
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One line each, oldest first: '暴雨橙色预警（区气象台，07-10 15:00 生效，07-11 10:00 解除；范围：全区）',
 * '防汛Ⅳ级应急响应（防汛抗旱指挥部，07-10 16:00 启动，仍在响应）', '07-10 17:30 会商研判（…）：结论；部署'.
 */
export function warningsSectionText(input: DraftWarnings | undefined, t: (at: string) => string): string {
  if (!input) return numbered([]);
  const warnings = [...input.warnings]
    .sort((a, b) => order(a.effectiveAt, b.effectiveAt) || a.id - b.id)
    .map(
      (w) =>
        `${w.label}（${w.issuer}，${t(w.effectiveAt)} 生效，${w.liftedAt ? `${t(w.liftedAt)} 解除` : '仍在生效'}；范围：${w.area.length ? w.area.join('、') : '全区'}）`,
    );
  const responses = [...input.responses]
    .sort((a, b) => order(a.startedAt, b.startedAt) || a.id - b.id)
    .map(
      (r) =>
        `${r.label}（${HEADQUARTERS[r.headquarters].zh}，${t(r.startedAt)} 启动，${r.endedAt ? `${t(r.endedAt)} 终止` : '仍在响应'}）`,
    );
  const consultations = [...input.consultations]
    .sort((a, b) => order(a.heldAt, b.heldAt) || a.id - b.id)
    .map(
      (c) =>
        `${t(c.heldAt)} 会商研判（${c.participants.join('、')}）：${c.conclusions}${c.orders ? `；部署：${c.orders}` : ''}`,
    );
  return numbered([...warnings, ...responses, ...consultations]);
}
