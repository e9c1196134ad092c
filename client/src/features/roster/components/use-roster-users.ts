import { useLiveRefetch } from '@client/lib/use-live-refetch';
import type { User } from '@shared/schemas/users';
import { useEffect, useState } from 'react';
import { listUsers } from '../api/list-users';

/** Everyone, for administrators' pickers; an empty list for anyone else (the API is admin-only). */
export function useRosterUsers(isAdmin: boolean): User[] {
  const [users, setUsers] = useState<User[]>([]);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    void generation;
    if (!isAdmin) return;
    const controller = new AbortController();
    listUsers(controller.signal).then(setUsers, () => undefined);
    return () => controller.abort();
  }, [isAdmin, generation]);
  useLiveRefetch(
    (event) => isAdmin && (event.type === 'user.created' || event.type === 'user.updated'),
    () => setGeneration((g) => g + 1),
  );
  return users;
}

/** Who may stand a duty role: enabled, qualified and holding the role (backup: officer or leader). */
export function eligibleFor(role: 'officer' | 'leader' | 'backup', users: User[]): User[] {
  return users.filter(
    (u) =>
      u.enabled &&
      u.qualified &&
      (role === 'backup'
        ? u.roles.includes('officer') || u.roles.includes('leader')
        : u.roles.includes(role)),
  );
}
