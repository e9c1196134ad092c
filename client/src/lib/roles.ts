import type { Role } from '@shared/schemas/users';
import type { MessageKey } from './i18n';

/** The same colour for a role everywhere: header, console, user admin. */
export const roleColor: Record<Role, string> = {
  officer: 'blue',
  leader: 'gold',
  admin: 'purple',
  informant: 'green',
};

export const roleLabel: Record<Role, MessageKey> = {
  officer: 'role.officer',
  leader: 'role.leader',
  admin: 'role.admin',
  informant: 'role.informant',
};
