import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/endpoints';
import { Alert, ErrorSummary } from '../../components/alerts';
import { DescriptionList } from '../../components/badges';
import { TextField } from '../../components/fields';
import { useFormErrors } from '../../components/form-errors';
import { Page, Section } from '../../components/page';
import { RequireArea } from '../../session/RequireArea';
import { GrantsList } from '../start/GrantsList';

function PasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setDone(false);
    clear();
    try {
      await usersApi.changePassword(current, next);
      setDone(true);
      setCurrent('');
      setNext('');
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="app-form narrow-form">
      <div role="status">{done && <Alert tone="success" title={t('account.passwordChanged')} />}</div>
      <ErrorSummary error={error} ref={summaryRef} />
      <TextField path="currentPassword" type="password" autoComplete="current-password" label={t('account.currentPassword')} value={current} error={fieldErrors.currentPassword} onChange={setCurrent} />
      <TextField
        path="newPassword"
        type="password"
        autoComplete="new-password"
        label={t('account.newPassword')}
        hint={t('account.passwordHint')}
        value={next}
        error={fieldErrors.newPassword}
        onChange={setNext}
      />
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{t('account.changePassword')}</span>
        </button>
      </div>
    </form>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <RequireArea>
      {(user) => (
        <Page title={t('account.title')}>
          <Section title={t('account.you')}>
            <DescriptionList
              items={[
                [t('account.name'), user.displayName],
                [t('account.email'), user.email],
                [t('account.admin'), user.isAdmin ? t('common.yes') : t('common.no')],
              ]}
            />
          </Section>
          <Section title={t('start.yourRoles')}>
            <GrantsList grants={user.grants} />
          </Section>
          <Section title={t('account.changePassword')}>
            <PasswordForm />
          </Section>
        </Page>
      )}
    </RequireArea>
  );
}
