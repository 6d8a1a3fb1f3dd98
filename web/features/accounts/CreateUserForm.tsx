import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/endpoints';
import type { UserSummary } from '../../api/types';
import { Alert, ErrorSummary } from '../../components/alerts';
import { Checkbox, TextField } from '../../components/fields';
import { useFormErrors } from '../../components/form-errors';

export function CreateUserForm({ onCreated }: { onCreated(user: UserSummary): void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<UserSummary | null>(null);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setCreated(null);
    setBusy(true);
    try {
      const user = await usersApi.create({ email, displayName, password, isAdmin });
      setCreated(user);
      setEmail('');
      setDisplayName('');
      setPassword('');
      setIsAdmin(false);
      onCreated(user);
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="app-form">
      <div role="status">{created && <Alert tone="success" title={t('users.created', { name: created.displayName })} />}</div>
      <ErrorSummary error={error} ref={summaryRef} />
      <div className="form-grid">
        <TextField path="displayName" label={t('users.displayName')} autoComplete="off" value={displayName} error={fieldErrors.displayName} onChange={setDisplayName} />
        <TextField path="email" type="email" label={t('users.email')} autoComplete="off" value={email} error={fieldErrors.email} onChange={setEmail} />
      </div>
      <TextField
        path="password"
        type="password"
        label={t('users.initialPassword')}
        hint={t('account.passwordHint')}
        autoComplete="new-password"
        value={password}
        error={fieldErrors.password}
        onChange={setPassword}
        width="medium"
      />
      <Checkbox id="f-isAdmin" label={t('users.isAdmin')} checked={isAdmin} onChange={setIsAdmin} />
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t('users.create')}</span>
        </button>
      </div>
    </form>
  );
}
