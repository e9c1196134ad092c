/** A phone call about a road accident with three dead: a 较大 (III) accident under 493号令. */
export const CALL = {
  category: 'road_traffic',
  occurredAt: '2026-03-05T02:40:00+08:00',
  location: { address: '幸福路与建设路交叉口' },
  caller: { name: '张警官', unit: '区交警大队', phone: '13900001111' },
  summary: '两车相撞，一车侧翻',
  casualties: { deaths: 3, seriousInjuries: 2 },
  source: 'phone',
};

/** The same call with ten dead: a 重大 (II) accident, which nationally owes a phone 首报 within 30 min. */
export const MAJOR_CALL = { ...CALL, casualties: { deaths: 10, seriousInjuries: 2 } };
