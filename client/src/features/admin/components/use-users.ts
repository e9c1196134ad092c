import { useLiveEvents } from '@client/lib/use-live';
import type { User } from '@shared/schemas/users';
import { useCallback, useEffect, useRef, useState } from 'react';
import { listUsers } from '../api/list-users';

/** Replaces a user only with a version at least as new, so a late event never undoes a fresh read. */
function upsert(users: User[], user: User): User[] {
  const index = users.findIndex((u) => u.id === user.id);
  if (index === -1) return [...users, user];
  const existing = users[index]!;
  if (Date.parse(existing.updatedAt) > Date.parse(user.updatedAt)) return users;
  const next = users.slice();
  next[index] = user;
  return next;
}

export interface UsersState {
  users: User[];
  loading: boolean;
  error: unknown;
  reload: () => void;
  /** Applies a user the server just returned, without waiting for its live event. */
  apply: (user: User) => void;
}

export function useUsers(): UsersState {
  const [users, setUsers] = useState<User[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  // Events that arrive while a read is in flight are replayed on top of its result.
  const pending = useRef<User[] | null>(null);

  useEffect(() => {
    void generation;
    const controller = new AbortController();
    pending.current = [];
    setLoading(true);
    listUsers(controller.signal).then(
      (fresh) => {
        const late = pending.current ?? [];
        pending.current = null;
        setUsers(late.reduce(upsert, fresh));
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        pending.current = null;
        setError(caught);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [generation]);

  const apply = useCallback((user: User) => {
    if (pending.current) pending.current.push(user);
    else setUsers((current) => upsert(current, user));
  }, []);

  useLiveEvents((event) => {
    if (event.type === 'user.created' || event.type === 'user.updated') apply(event.payload.user);
  });

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { users, loading, error, reload, apply };
}
