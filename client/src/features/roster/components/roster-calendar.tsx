import { useLang } from '@client/lib/i18n';
import { weekdayNames, weekdayOf } from '@client/lib/time';
import type { RosterView } from '@shared/schemas/roster';
import { RosterDayCell } from './roster-day-cell';
import type { RosterIndex } from './roster-derive';

interface Props {
  view: RosterView;
  index: RosterIndex;
  today: string;
  meId: number;
  onOpenDay: (day: string) => void;
}

/** A month as seven columns, Monday first, each duty day one cell. */
export function RosterCalendar({ view, index, today, meId, onOpenDay }: Props) {
  const lang = useLang();
  const first = view.days[0];
  const lead = first ? weekdayOf(first.dutyDate) - 1 : 0;
  return (
    <div className="roster-calendar" data-testid="roster-calendar">
      <div className="rc-head">
        {weekdayNames(lang).map((name, i) => (
          <div key={name} className={i >= 5 ? 'rc-weekend' : undefined}>
            {name}
          </div>
        ))}
      </div>
      <div className="rc-grid">
        {Array.from({ length: lead }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed blanks before the 1st
          <div key={`blank-${i}`} className="rc-blank" />
        ))}
        {view.days.map((day) => (
          <RosterDayCell
            key={day.dutyDate}
            day={day}
            shifts={index.shiftsByDay.get(day.dutyDate) ?? []}
            problems={index.problemsByDay.get(day.dutyDate)}
            periods={view.periods}
            conflictShiftIds={index.conflictShiftIds}
            unqualifiedShiftIds={index.unqualifiedShiftIds}
            isToday={day.dutyDate === today}
            meId={meId}
            onOpen={onOpenDay}
          />
        ))}
      </div>
    </div>
  );
}
