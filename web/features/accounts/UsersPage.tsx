import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { programmesApi, usersApi } from '../../api/endpoints';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';
import { CreateUserForm } from './CreateUserForm';
import { GrantRoleForm } from './GrantRoleForm';

async function load() {
  const [users, programmes] = await Promise.all([usersApi.list(), programmesApi.list()]);
  return { users, programmes };
}

function Users() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi(load, []);
  const [selected, setSelected] = useState('');
  if (error) return <LoadFailed error={error} />;
  if (loading || !data) return <Page title={t('users.title')}><Loading /></Page>;
  const users = [...data.users].sort((a, b) => a.displayName.localeCompare(b.displayName));
  const selectedUserId = selected || users[0]?.id || '';
  return (
    <Page title={t('users.title')} lead={t('users.lead')}>
      <Section title={t('users.list')}>
        <Table captionHidden caption={t('users.list')} columns={[{ label: t('users.displayName') }, { label: t('users.email') }, { label: t('users.isAdminShort') }]}>
          {users.map((u) => (
            <tr className="kern-table__row" key={u.id}>
              <Cell header>{u.displayName}</Cell>
              <Cell>{u.email}</Cell>
              <Cell>{u.isAdmin ? t('common.yes') : t('common.no')}</Cell>
            </tr>
          ))}
        </Table>
      </Section>
      <Section title={t('users.createTitle')}>
        <CreateUserForm
          onCreated={(u) => {
            setSelected(u.id);
            reload();
          }}
        />
      </Section>
      <Section title={t('users.grantTitle')}>
        <GrantRoleForm users={users} programmes={data.programmes} selectedUserId={selectedUserId} onSelectUser={setSelected} />
      </Section>
    </Page>
  );
}

export function UsersPage() {
  return <RequireArea areas={['admin']}>{() => <Users />}</RequireArea>;
}
