import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { Alert, useProblemTitle } from './alerts';

/** Sets the document title, so each route is told apart in tabs, history and screen readers. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
}

interface PageProps {
  title: string;
  /** A line above the heading, e.g. the programme a round belongs to. */
  preline?: ReactNode;
  lead?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}

/** Every page has exactly one h1, and the document title follows it. */
export function Page({ title, preline, lead, actions, children }: PageProps) {
  usePageTitle(title);
  return (
    <>
      <div className="page-head">
        <div className="kern-hgroup">
          {preline && <p className="kern-preline">{preline}</p>}
          <h1 className="kern-heading-large" tabIndex={-1}>
            {title}
          </h1>
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {lead && <p className="kern-body kern-body--large page-lead">{lead}</p>}
      {children}
    </>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="kern-body" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A page whose data could not be loaded: a real page (with its h1), saying why. */
export function LoadFailed({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const problemTitle = useProblemTitle();
  const status = error instanceof ApiError ? error.status : 0;
  const heading = title ?? (status === 404 ? t('errors.notFoundTitle') : status === 401 || status === 403 ? t('errors.noAccessTitle') : t('errors.loadFailedTitle'));
  return (
    <Page title={heading}>
      <Alert tone="danger" title={problemTitle(error)} live="alert">
        {error instanceof ApiError && error.problem.detail && (
          <p className="kern-body" lang="en">
            {error.problem.detail}
          </p>
        )}
        <p className="kern-body">
          {status === 401 ? (
            <Link className="kern-link" to={`/login?next=${encodeURIComponent(window.location.pathname)}`}>
              {t('header.login')}
            </Link>
          ) : (
            <Link className="kern-link" to="/">
              {t('errors.backHome')}
            </Link>
          )}
        </p>
      </Alert>
    </Page>
  );
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const headingId = id ?? `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 className="kern-heading-medium" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}
