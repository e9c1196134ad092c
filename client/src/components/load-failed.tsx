import { describeError } from '@client/lib/error-text';
import { useT } from '@client/lib/i18n';
import { Alert, type AlertProps } from 'antd';

type Props = Pick<AlertProps, 'className' | 'style'> & {
  /** The read's error; nothing is shown without one. */
  error: unknown;
  /** A page that still shows its last answer warns rather than fails. */
  type?: 'error' | 'warning';
};

/** 加载失败：… — a read that did not answer, said in the console's words. */
export function LoadFailed({ error, type = 'error', ...rest }: Props) {
  const t = useT();
  if (error === null || error === undefined) return null;
  return (
    <Alert
      type={type}
      showIcon
      title={t('common.loadFailed', { message: describeError(t, error) })}
      {...rest}
    />
  );
}
