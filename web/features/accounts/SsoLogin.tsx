import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ssoApi } from '../../api/endpoints';
import { Alert } from '../../components/alerts';
import { useApi } from '../../lib/use-api';

const knownErrors = new Set(['unavailable', 'state', 'cancelled', 'failed', 'email_missing', 'email_unverified', 'already_linked']);

/** Why the last single sign-on did not log in (the server's callback sends ?sso_error=), focused so it is read first. */
export function SsoError() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const ref = useRef<HTMLDivElement>(null);
  const code = params.get('sso_error');
  useEffect(() => {
    if (code) ref.current?.focus();
  }, [code]);
  if (!code) return null;
  return (
    <Alert tone="danger" title={t('sso.errorTitle')} live="alert" ref={ref}>
      <p className="kern-body">{t(`sso.errors.${knownErrors.has(code) ? code : 'failed'}`)}</p>
    </Alert>
  );
}

/** One "Mit … anmelden" link per configured provider; nothing when single sign-on is off. */
export function SsoButtons({ next }: { next: string | null }) {
  const { t } = useTranslation();
  const providers = useApi(() => ssoApi.providers(), []);
  const list = providers.data ?? [];
  if (list.length === 0) return null;
  return (
    <section className="narrow-form" aria-labelledby="sso-heading">
      <h2 className="kern-heading-small" id="sso-heading">
        {t('sso.heading')}
      </h2>
      <p className="kern-body">{t('sso.lead')}</p>
      <div className="kern-btn-wrapper button-row">
        {list.map((provider) => (
          // A full page load, not a client route: the server redirects on to the provider.
          <a key={provider.id} className="kern-btn kern-btn--secondary" href={next ? `${provider.loginUrl}?next=${encodeURIComponent(next)}` : provider.loginUrl}>
            <span className="kern-label">{t('sso.loginWith', { name: provider.name })}</span>
          </a>
        ))}
      </div>
    </section>
  );
}
