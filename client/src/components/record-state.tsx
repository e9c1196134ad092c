import { ApiError } from '@client/lib/api-client';
import { Alert, Button, Result, Spin } from 'antd';
import { Link } from 'react-router-dom';

/** The id names no record: not a number, or the server answered 404. */
export const recordMissing = (valid: boolean, error: unknown) =>
  !valid || (error instanceof ApiError && error.status === 404);

interface Props {
  missing: boolean;
  /** What the 404 page says, and the way back to the list. */
  notFound: { title: string; backTo: string; backLabel: string };
  /** Why the read failed, said; null while it is under way. */
  failed: string | null;
  spinClassName: string;
}

/** A record's page before it has the record: not found (with the way back), failed, or loading. */
export function RecordState({ missing, notFound, failed, spinClassName }: Props) {
  if (missing) {
    return (
      <Result
        status="404"
        title={notFound.title}
        extra={
          <Link to={notFound.backTo}>
            <Button type="primary">{notFound.backLabel}</Button>
          </Link>
        }
      />
    );
  }
  return failed ? (
    <Alert type="error" showIcon title={failed} />
  ) : (
    <Spin size="large" className={spinClassName} />
  );
}
