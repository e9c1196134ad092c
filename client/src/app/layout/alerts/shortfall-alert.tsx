import { TeamOutlined } from '@ant-design/icons';
import { useDutyNow } from '@client/hooks/use-duty-data';
import { shortfallLines } from '@client/lib/duty-shortfall';
import { useT } from '@client/lib/i18n';
import type { AlertItem } from './alert-row';

/**
 * 值守力量不足: the post falls short of the duty day's minimum now (too few officers or leaders, or
 * no leader in the room when a red warning or a Ⅲ-level response asks for one), with the reason;
 * an administrator also sees whom to call, with phones.
 */
export function useShortfallAlert(): AlertItem | null {
  const t = useT();
  const { data: duty } = useDutyNow();
  // An ordinary day's hole in the roster is the duty banner's (and the roster checks') business; the
  // layer carries what strengthened duty asks for: more people, or the leader in the room.
  const strengthened = duty?.shortfall.some((s) => s.reasons.length > 0 || s.need === 'leader_on_site');
  if (!duty || !strengthened) return null;
  const sep = t('duty.listSep');
  return {
    key: 'shortfall',
    level: 'error',
    icon: <TeamOutlined />,
    testId: 'alert-shortfall',
    data: { needs: duty.shortfall.map((s) => s.need).join(' ') },
    title: t('duty.shortfall.title'),
    detail: (
      <>
        {shortfallLines(t, duty).map((line) => (
          <span key={line} className="alert-row-line">
            {line}
          </span>
        ))}
        {duty.toCall.length > 0 && (
          <span className="alert-row-line" data-testid="shortfall-to-call">
            {t('duty.shortfall.call', {
              people: duty.toCall
                .map((p) => (p.phone ? `${p.displayName} ${p.phone}` : p.displayName))
                .join(sep),
            })}
          </span>
        )}
      </>
    ),
  };
}
