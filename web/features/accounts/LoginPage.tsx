import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../components/alerts';
import { TextField } from '../../components/fields';
import { useFormErrors } from '../../components/form-errors';
import { Loading, Page } from '../../components/page';
import { useSession } from '../../session/SessionContext';
import { safeNext, startPageOf } from '../../session/start-page';
import { SsoButtons, SsoError } from './SsoLogin';

export function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();

  if (user === undefined) return <Page title={t('login.title')}><Loading /></Page>;
  // Someone already logged in has nothing to do here.
  if (user && !busy) return <Navigate to={safeNext(params.get('next')) ?? startPageOf(user)} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    clear();
    try {
      const me = await login(email, password);
      navigate(safeNext(params.get('next')) ?? startPageOf(me), { replace: true });
    } catch (caught) {
      setBusy(false);
      fail(caught);
    }
  };

  return (
    <Page title={t('login.title')} lead={t('login.lead')}>
      <SsoError />
      <form onSubmit={submit} noValidate className="app-form narrow-form">
        <ErrorSummary error={error} ref={summaryRef} />
        <TextField path="email" type="email" label={t('login.email')} autoComplete="username" value={email} error={fieldErrors.email} onChange={setEmail} />
        <TextField
          path="password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          value={password}
          error={fieldErrors.password}
          onChange={setPassword}
        />
        <div className="kern-btn-wrapper button-row">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{t('login.submit')}</span>
          </button>
        </div>
      </form>
      <SsoButtons next={safeNext(params.get('next'))} />
    </Page>
  );
}
