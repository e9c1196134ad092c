import { useLang } from '@client/lib/i18n';
import { formatDay, formatMinute } from '@client/lib/time';
import type { AuditAnchor } from '@shared/schemas/events';
import type { ShiftWindow } from '@shared/schemas/handover';
import { useWords } from '../i18n';

/** 值班日期, the shift's bounds and, once sealed, where the audit log stood (also printed). */
export function HandoverMeta({ shift, anchor }: { shift: ShiftWindow; anchor?: AuditAnchor | null }) {
  const t = useWords();
  const lang = useLang();
  return (
    <span className="ho-meta">
      <span>{t('handover.meta.day', { day: formatDay(shift.dutyDate, lang) })}</span>
      <span>
        {t('handover.meta.shift', { start: formatMinute(shift.start), end: formatMinute(shift.end) })}
      </span>
      {anchor && (
        <span data-testid="handover-anchor">
          {t('handover.meta.anchor', { seq: anchor.seq, hash: `${anchor.hash.slice(0, 16)}…` })}
        </span>
      )}
    </span>
  );
}
