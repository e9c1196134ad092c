import { lazy, Suspense, useState } from 'react';
import type { ChangePasswordProps } from './change-password-dialog';

// Changing one's password is rare: its form loads on first use, not with the duty post's first screen.
const Dialog = lazy(() =>
  import('./change-password-dialog').then((m) => ({ default: m.ChangePasswordDialog })),
);

/** The password dialog, loaded when first opened and kept for its closing animation after. */
export function ChangePasswordModal(props: ChangePasswordProps) {
  const [wanted, setWanted] = useState(props.open);
  if (props.open && !wanted) setWanted(true);
  return wanted ? (
    <Suspense fallback={null}>
      <Dialog {...props} />
    </Suspense>
  ) : null;
}
