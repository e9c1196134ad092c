import { SwapOutlined } from '@ant-design/icons';
import { pollEvery } from '@client/hooks/use-refetch-at';
import { awaitingHandoversQuery } from '@client/lib/api/awaiting-handovers';
import { hasRole } from '@client/lib/session';
import { formatMinute } from '@client/lib/time';
import type { Handover } from '@shared/schemas/handover';
import type { User } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { Link } from 'react-router-dom';
import './briefing.css';
import { useWords } from '../i18n';

function signerOf(h: Handover): string {
  return h.incoming?.name ?? h.content.people.incoming.map((p) => p.name).join('、');
}

function isIncoming(h: Handover, userId: number): boolean {
  if (h.outgoing?.userId === userId) return false;
  return h.incoming?.userId === userId || h.content.people.incoming.some((p) => p.userId === userId);
}

/**
 * 等待接班: until the incoming officer signs, the two officers and the leader see it on the
 * console; the incoming officer gets the way to sign.
 */
export function HandoverNotice({ user }: { user: User }) {
  const t = useWords();
  // Read again on every handover event and every few minutes.
  const awaiting = useQuery({ ...awaitingHandoversQuery(), ...pollEvery(120_000) });
  const leader = hasRole(user, 'leader');
  const shown = (awaiting.data ?? []).filter(
    (h) =>
      leader || h.submittedBy === user.username || h.outgoing?.userId === user.id || isIncoming(h, user.id),
  );
  if (shown.length === 0) return null;
  return (
    <div className="handover-notice" data-testid="awaiting-handover" data-count={shown.length}>
      {shown.map((h) => {
        const mine = hasRole(user, 'officer') && isIncoming(h, user.id);
        const text = t('handover.notice.text', {
          from: h.submittedByName,
          to: signerOf(h) || t('handover.notice.nobody'),
          time: formatMinute(h.submittedAt),
        });
        return (
          <Alert
            key={h.id}
            type={mine ? 'error' : 'warning'}
            showIcon
            icon={<SwapOutlined />}
            className="handover-notice-alert"
            title={<span className="handover-notice-title">{t('handover.notice.title')}</span>}
            description={mine ? `${text} ${t('handover.notice.yours')}` : text}
            action={
              <Link to={mine ? '/handover?tab=awaiting' : `/handover/${h.id}`}>
                <Button
                  type={mine ? 'primary' : 'default'}
                  danger={mine}
                  data-testid={`awaiting-open-${h.id}`}
                >
                  {mine ? t('handover.notice.sign') : t('handover.notice.view')}
                </Button>
              </Link>
            }
          />
        );
      })}
    </div>
  );
}
