import { gradeIncident } from '@shared/domain/grading';
import type { Grade, GradingInput } from '@shared/domain/incident-types';
import { Tag } from 'antd';
import { useWords } from '../i18n';
import { GradeBadge } from './grade-badge';
import { gradeLook } from './incident-labels';

interface Props {
  input: GradingInput | null;
  /** The grade on record, to show "from → to" while figures are edited. */
  current?: Grade | null;
}

/** The grade the figures give, computed in the browser by the same rule the server applies. */
export function GradePreview({ input, current }: Props) {
  const t = useWords();
  if (!input) {
    return (
      <div className="inc-grade-preview" data-testid="grade-preview" data-grade="">
        <div className="inc-grade-preview-title">{t('incidents.preview.title')}</div>
        <div className="inc-grade-preview-empty">{t('incidents.preview.pickCategory')}</div>
      </div>
    );
  }
  const result = gradeIncident(input);
  const look = gradeLook(result.grade);
  const changed = current !== undefined && current !== result.grade;
  return (
    <div
      className={`inc-grade-preview inc-grade-preview-${look}`}
      data-testid="grade-preview"
      data-grade={look}
      data-near-miss={String(result.nearMiss)}
    >
      <div className="inc-grade-preview-title">{t('incidents.preview.title')}</div>
      <div className="inc-grade-preview-badges">
        {changed && (
          <>
            <GradeBadge grade={current ?? null} />
            <span className="inc-grade-preview-arrow">→</span>
          </>
        )}
        <GradeBadge grade={result.grade} large />
        {result.nearMiss && <Tag color="volcano">{t('incidents.tag.nearMiss')}</Tag>}
      </div>
      <ul className="inc-grade-preview-reasons">
        {result.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}
