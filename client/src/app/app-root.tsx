import { RouterProvider } from 'react-router-dom';
import { AppProvider } from './provider';
import { router } from './router';
import { useSessionRuntime } from './session-runtime';

export function AppRoot() {
  useSessionRuntime();
  return (
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
