import { useDomainLabels } from '@client/lib/domain-labels';
import type { Grade } from '@shared/domain/incident-types';
import { gradeColor, gradeInk, gradeLook } from './incident-labels';

/** 较大（Ⅲ级） on the grade's colour. */
export function GradeBadge({ grade, large = false }: { grade: Grade | null; large?: boolean }) {
  const look = gradeLook(grade);
  const labels = useDomainLabels();
  return (
    <span
      className={`inc-grade-badge${large ? ' inc-grade-badge-large' : ''}`}
      style={{ background: gradeColor[look], color: gradeInk[look] }}
      data-grade={look}
    >
      {labels.grade(grade)}
    </span>
  );
}
