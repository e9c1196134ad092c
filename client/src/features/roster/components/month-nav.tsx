import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useLang } from '@client/lib/i18n';
import { addMonths, bureauMonth, formatMonth } from '@client/lib/time';
import { Button, Select, Space } from 'antd';
import { useWords } from '../i18n';

/** ‹ month › with a jump back to this month; a year either side of now to pick from. */
export function MonthNav({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  const t = useWords();
  const lang = useLang();
  const now = bureauMonth();
  const options = Array.from({ length: 25 }, (_, i) => addMonths(now, i - 12)).map((m) => ({
    value: m,
    label: formatMonth(m, lang),
  }));
  if (!options.some((o) => o.value === month))
    options.push({ value: month, label: formatMonth(month, lang) });
  return (
    <>
      <Space.Compact>
        <Button
          icon={<LeftOutlined />}
          onClick={() => onChange(addMonths(month, -1))}
          aria-label={t('roster.prevMonth')}
          data-testid="prev-month"
        />
        <Select
          value={month}
          options={options}
          onChange={onChange}
          style={{ width: 140 }}
          data-testid="month-select"
        />
        <Button
          icon={<RightOutlined />}
          onClick={() => onChange(addMonths(month, 1))}
          aria-label={t('roster.nextMonth')}
          data-testid="next-month"
        />
      </Space.Compact>
      {month !== now && <Button onClick={() => onChange(now)}>{t('roster.thisMonth')}</Button>}
    </>
  );
}
