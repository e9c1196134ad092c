import { roleLabel } from '@client/lib/roles';
import { PASSWORD_MIN_LENGTH, ROLES } from '@shared/schemas/users';
import { useQuery } from '@tanstack/react-query';
import { Checkbox, Form, type FormRule, Input, Select, Switch } from 'antd';
import { unitsQuery } from '../api/list-units';
import { useWords, type Words } from '../i18n';

// These mirror shared/schemas/users.ts for quick feedback; the server's check is the one that counts.
export function usernameRules(t: Words): FormRule[] {
  return [
    { required: true, message: t('users.usernameRule') },
    { min: 2, max: 40, message: t('users.usernameRule') },
    { pattern: /^[a-z0-9][a-z0-9._-]*$/, message: t('users.usernameRule') },
  ];
}

export function passwordRules(t: Words, required: boolean): FormRule[] {
  return [
    { required, message: t('users.passwordRule') },
    { min: PASSWORD_MIN_LENGTH, max: 200, message: t('users.passwordRule') },
  ];
}

/** The fields a new user and an edited user share. */
export function UserProfileFields() {
  const t = useWords();
  return (
    <>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, max: 60, message: t('users.displayNameRule') }]}
      >
        <Input maxLength={60} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('users.roles')}
        rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRule') }]}
      >
        <Checkbox.Group options={ROLES.map((role) => ({ value: role, label: t(roleLabel[role]) }))} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('users.phone')}
        rules={[{ pattern: /^[0-9+() -]*$/, max: 30, message: t('users.phoneRule') }]}
      >
        <Input maxLength={30} autoComplete="off" inputMode="tel" />
      </Form.Item>
      <Form.Item name="qualified" label={t('users.qualified')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <UnitFields />
    </>
  );
}

/** The person's unit (the district by default) and, for an informant, A角 or B角. */
function UnitFields() {
  const t = useWords();
  const { data: units = [] } = useQuery(unitsQuery());
  const roles = Form.useWatch<string[] | undefined>('roles');
  return (
    <>
      <Form.Item name="unitId" label={t('users.unit')}>
        <Select
          showSearch
          optionFilterProp="label"
          data-testid="user-unit"
          options={units
            .filter((u) => u.unit.enabled)
            .map((u) => ({
              value: u.unit.id,
              label: `${'　'.repeat(u.unit.path.split('/').length - 3)}${u.unit.name}（${u.unit.code}）`,
            }))}
        />
      </Form.Item>
      {roles?.includes('informant') ? (
        <Form.Item name="informantRole" label={t('users.informantRole')}>
          <Select
            allowClear
            options={[
              { value: 'A', label: t('units.informantA') },
              { value: 'B', label: t('units.informantB') },
            ]}
          />
        </Form.Item>
      ) : null}
    </>
  );
}
