import { Input } from 'antd';

interface Props {
  from: string;
  to: string;
  onChange: (next: { from?: string; to?: string }) => void;
  /** Spoken names of the two fields. */
  labels: [string, string];
  /** Test ids of the two fields. */
  testIds: [string, string];
  className?: string;
  /** Neither end may pass the other. */
  bounded?: boolean;
}

/** Two calendar days, `from – to`, as the browser's date inputs. */
export function DateRange({ from, to, onChange, labels, testIds, className, bounded }: Props) {
  return (
    <>
      <Input
        type="date"
        value={from}
        max={bounded ? to || undefined : undefined}
        onChange={(e) => onChange({ from: e.target.value })}
        className={className}
        aria-label={labels[0]}
        data-testid={testIds[0]}
      />
      <span>–</span>
      <Input
        type="date"
        value={to}
        min={bounded ? from || undefined : undefined}
        onChange={(e) => onChange({ to: e.target.value })}
        className={className}
        aria-label={labels[1]}
        data-testid={testIds[1]}
      />
    </>
  );
}
