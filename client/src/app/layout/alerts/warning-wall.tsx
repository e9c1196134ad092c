import { AlertOutlined } from '@ant-design/icons';
import { WarningChips } from '@client/components/warning-chips';
import { activeResponsesQuery, activeWarningsQuery } from '@client/lib/api/active-warnings';
import { useT } from '@client/lib/i18n';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';

/**
 * The warning wall (预警墙): every warning and response in force, in its colour, on every page of
 * every console, in the alert strip. Live: warning.* and response.* events make it read again.
 */
export function WarningWall() {
  const t = useT();
  const navigate = useNavigate();
  const warnings = useQuery(activeWarningsQuery()).data ?? [];
  const responses = useQuery(activeResponsesQuery()).data ?? [];
  if (warnings.length + responses.length === 0) return null;
  return (
    <div
      className="warning-wall"
      data-testid="warning-wall"
      data-count={warnings.length + responses.length}
      role="status"
      aria-label={t('warnings.wall')}
    >
      <AlertOutlined className="warning-wall-icon" aria-hidden />
      <WarningChips warnings={warnings} responses={responses} onOpen={() => navigate('/warnings')} />
    </div>
  );
}
