import { setUnauthorizedHandler } from '@client/lib/api-client';
import { connectLive, disconnectLive } from '@client/lib/live-store';
import { queryClient } from '@client/lib/query-client';
import { endSession, getSession, startSession, updateSessionUser, useSession } from '@client/lib/session';
import { useLiveEvents } from '@client/lib/use-live';
import { useEffect } from 'react';
import { getMe } from '../features/auth/api/get-me';

function sessionOver(reason: 'expired' | 'kicked'): void {
  disconnectLive();
  if (getSession().status === 'authenticated') endSession(reason);
}

/**
 * Ties the session to the rest of the console: restores it on load, ends it when the server says
 * so (401 on a request, socket closed by the server), and holds the live connection (and the cache
 * it keeps fresh) only while somebody is signed in.
 */
export function useSessionRuntime(): void {
  const authenticated = useSession().status === 'authenticated';

  useEffect(() => {
    setUnauthorizedHandler(() => sessionOver('expired'));
    let cancelled = false;
    getMe().then(
      (info) => {
        if (cancelled || getSession().status !== 'unknown') return;
        if (info) startSession(info);
        else endSession(null);
      },
      () => {
        if (!cancelled && getSession().status === 'unknown') endSession(null);
      },
    );
    return () => {
      cancelled = true;
      setUnauthorizedHandler(null);
    };
  }, []);

  useEffect(() => {
    if (!authenticated) return;
    connectLive({
      onServerDisconnect: () => sessionOver('kicked'),
      onRefused: () => {
        // A refused handshake is only the end of the session if the session check agrees.
        getMe().then(
          (info) => {
            if (info) startSession(info);
            else sessionOver('expired');
          },
          () => undefined,
        );
      },
    });
    return () => {
      disconnectLive();
      // What one user was shown is never the next one's first screen.
      queryClient.clear();
    };
  }, [authenticated]);

  useLiveEvents((event) => {
    if (event.type === 'user.updated') updateSessionUser(event.payload.user);
  });
}
