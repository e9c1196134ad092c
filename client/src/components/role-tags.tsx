import { useT } from '@client/lib/i18n';
import { roleColor, roleLabel } from '@client/lib/roles';
import type { Role } from '@shared/schemas/users';
import { Flex, Tag } from 'antd';

/** A user's roles as tags, in the role's colour everywhere. */
export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const t = useT();
  return (
    <Flex gap={4} wrap>
      {roles.map((role) => (
        <Tag key={role} color={roleColor[role]}>
          {t(roleLabel[role])}
        </Tag>
      ))}
    </Flex>
  );
}
