import { describeError } from '@client/lib/error-text';
import { type Translate, useT } from '@client/lib/i18n';
import { Alert, Spin } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

interface LoadErrorProps {
  error: unknown;
  /** The feature's wording of its refusals; the console's by default. */
  describe?: (t: Translate, error: unknown) => string;
  /** Just the wording, without "could not load". */
  bare?: boolean;
  type?: 'error' | 'warning';
  className?: string;
  style?: CSSProperties;
  action?: ReactNode;
}

/** "Could not load: …", or nothing when there is no error. */
export function LoadError({
  error,
  describe,
  bare,
  type = 'error',
  className,
  style,
  action,
}: LoadErrorProps) {
  const t = useT();
  if (error === null || error === undefined) return null;
  const message = (describe ?? describeError)(t, error);
  return (
    <Alert
      type={type}
      showIcon
      title={bare ? message : t('common.loadFailed', { message })}
      className={className}
      style={style}
      action={action}
    />
  );
}

/** Before the first answer: the spinner, or why there is no answer. */
export function NotLoaded(props: {
  error: unknown;
  describe?: LoadErrorProps['describe'];
  spinClassName: string;
}) {
  return props.error === null || props.error === undefined ? (
    <Spin size="large" className={props.spinClassName} />
  ) : (
    <LoadError error={props.error} describe={props.describe} />
  );
}
