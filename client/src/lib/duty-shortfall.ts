import type { DutyNow } from '@shared/schemas/attendance';
import type { Translate } from './i18n';

/** One line per shortfall of the post: what is missing and, when strengthened duty asks for it, why. */
export function shortfallLines(t: Translate, duty: DutyNow): string[] {
  const sep = t('duty.listSep');
  return duty.shortfall.map((s) => {
    const line = t(`duty.shortfall.${s.need}`, { required: s.required, actual: s.actual });
    return s.reasons.length
      ? `${line}${t('duty.shortfall.because', { reasons: s.reasons.join(sep) })}`
      : line;
  });
}
