import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { Alert } from '../components/alerts';
import { Loading, Page } from '../components/page';
import { useSession } from './SessionContext';
import { areasOf, type Area } from './start-page';
import type { SessionUser } from '../api/types';

interface Props {
  /** The areas any one of which lets a person in; none = any logged-in person. */
  areas?: Area[];
  children: (user: SessionUser) => ReactNode;
}

/** Pages behind a login: anonymous visitors go to the login form and come back afterwards. */
export function RequireArea({ areas, children }: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  const held = areasOf(user);
  if (areas && !areas.some((a) => held.includes(a))) {
    return (
      <Page title={t('errors.noAccessTitle')}>
        <Alert tone="warning" title={t('errors.noAccessText')}>
          <p className="kern-body">
            <Link className="kern-link" to="/">
              {t('errors.backHome')}
            </Link>
          </p>
        </Alert>
      </Page>
    );
  }
  return <>{children(user)}</>;
}
