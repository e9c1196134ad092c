import type { Section } from '@shared/schemas/handover';
import { useWords } from '../i18n';
import { sectionLabel } from './handover-labels';

/** The sealed (or submitted) record, section by section, as it was handed over. */
export function HandoverSections({ sections, notes }: { sections: Section[]; notes: string }) {
  const t = useWords();
  return (
    <dl className="ho-sections" data-testid="handover-sections">
      {sections.map((s) => (
        <div key={s.key} className="ho-section" data-testid={`section-${s.key}`}>
          <dt>{t(sectionLabel[s.key])}</dt>
          <dd>{s.text.trim() || '—'}</dd>
        </div>
      ))}
      {notes.trim() && (
        <div className="ho-section">
          <dt>{t('handover.notes.title')}</dt>
          <dd>{notes}</dd>
        </div>
      )}
    </dl>
  );
}
