import { useWords } from '../i18n';
/** What the colours of the calendar mean. */
export function RosterLegend() {
  const t = useWords();
  return (
    <div className="roster-legend">
      <span>
        <i className="lg lg-red" />
        {t('roster.legend.red')}
      </span>
      <span>
        <i className="lg lg-orange" />
        {t('roster.legend.orange')}
      </span>
      <span>
        <i className="lg lg-strong" />
        {t('roster.legend.strong')}
      </span>
      <span>
        <i className="lg lg-today" />
        {t('roster.legend.today')}
      </span>
      <span>
        <b className="rc-name-me">{t('roster.legend.meName')}</b> {t('roster.legend.me')}
      </span>
    </div>
  );
}
