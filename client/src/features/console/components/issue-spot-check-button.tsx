import { AimOutlined } from '@ant-design/icons';
import type { User } from '@shared/schemas/users';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useWords } from '../i18n';

// The form is for a few people a few times a day; it stays out of the duty post's first load.
const IssueSpotCheckModal = lazy(() =>
  import('./issue-spot-check-modal').then((m) => ({ default: m.IssueSpotCheckModal })),
);

export function IssueSpotCheckButton({ user }: { user: User }) {
  const t = useWords();
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <Button
        danger
        type="primary"
        icon={<AimOutlined />}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
        data-testid="issue-spot-check"
      >
        {t('spot.issue')}
      </Button>
      {used && (
        <Suspense fallback={null}>
          <IssueSpotCheckModal user={user} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
