import { useLang, useT } from '@client/lib/i18n';
import { formatDay, formatMinute } from '@client/lib/time';
import type { ShiftWindow } from '@shared/schemas/handover';

/** 值班日期 and the shift's bounds. */
export function HandoverMeta({ shift }: { shift: ShiftWindow }) {
  const t = useT();
  const lang = useLang();
  return (
    <span className="ho-meta">
      <span>{t('handover.meta.day', { day: formatDay(shift.dutyDate, lang) })}</span>
      <span>
        {t('handover.meta.shift', { start: formatMinute(shift.start), end: formatMinute(shift.end) })}
      </span>
    </span>
  );
}
