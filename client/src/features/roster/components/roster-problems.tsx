import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { RosterView } from '@shared/schemas/roster';
import { Badge, Card } from 'antd';
import { useWords } from '../i18n';
import { CheckList } from './check-list';
import { problemCount, type RosterIndex } from './roster-derive';

interface Props {
  view: RosterView;
  index: RosterIndex;
  onOpenDay: (day: string) => void;
}

/** The month's check: gaps, understaffed days, conflicts and unqualified people, each a link to its day. */
export function RosterProblems({ view, index, onOpenDay }: Props) {
  const t = useWords();
  const count = problemCount(view.check);
  return (
    <Card
      size="small"
      className={`roster-problems ${count ? 'roster-problems-bad' : 'roster-problems-ok'}`}
      title={
        <span>
          {count ? (
            <WarningOutlined style={{ color: '#cf1322' }} />
          ) : (
            <CheckCircleOutlined style={{ color: '#389e0d' }} />
          )}{' '}
          {t('roster.problemsTitle')}{' '}
          <Badge count={count} overflowCount={999} style={{ marginInlineStart: 4 }} />
        </span>
      }
      data-testid="roster-problems"
      data-count={count}
    >
      <div className="roster-problems-body">
        <CheckList
          check={view.check}
          nameById={index.nameById}
          shiftById={index.shiftById}
          days={view.days}
          onOpenDay={onOpenDay}
        />
      </div>
    </Card>
  );
}
