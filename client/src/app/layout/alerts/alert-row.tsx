import type { ReactNode } from 'react';

/** One line of the alert layer: what is wrong, the detail, and what to do about it. */
export interface AlertItem {
  key: string;
  level: 'error' | 'warning' | 'info';
  icon: ReactNode;
  title: ReactNode;
  detail?: ReactNode;
  action?: ReactNode;
  testId: string;
  /** data-* attributes for whoever reads the screen by machine (the browser tests). */
  data?: Record<string, string | number>;
}

export function AlertRow({ item }: { item: AlertItem }) {
  const data = Object.fromEntries(Object.entries(item.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <div className={`alert-row alert-row-${item.level}`} role="alert" data-testid={item.testId} {...data}>
      <span className="alert-row-icon">{item.icon}</span>
      <div className="alert-row-text">
        <span className="alert-row-title">{item.title}</span>
        {item.detail && <span className="alert-row-detail">{item.detail}</span>}
      </div>
      {item.action && <div className="alert-row-actions">{item.action}</div>}
    </div>
  );
}
