import { Suspense, useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { languages, switchLanguage } from '../i18n';
import { Loading } from './page';
import { useSession } from '../session/SessionContext';
import { areaPaths, areasOf } from '../session/start-page';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {languages.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="kern-btn kern-btn--tertiary kern-btn--x-small"
          aria-pressed={i18n.language === lang}
          onClick={() => void switchLanguage(lang)}
        >
          <span className="kern-label">{t(`header.languages.${lang}`)}</span>
        </button>
      ))}
    </div>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const { user, logout } = useSession();
  const navigate = useNavigate();
  if (user === undefined) return null;
  if (!user) {
    return (
      <Link className="kern-btn kern-btn--secondary kern-btn--x-small" to="/login">
        <span className="kern-icon kern-icon--account-circle" aria-hidden="true" />
        <span className="kern-label">{t('header.login')}</span>
      </Link>
    );
  }
  return (
    <div className="user-menu">
      <Link className="kern-link kern-link--small user-name" to="/account">
        <span className="kern-icon kern-icon--account-circle" aria-hidden="true" />
        <span>
          <span className="kern-sr-only">{t('header.loggedInAs')} </span>
          {user.displayName}
        </span>
      </Link>
      <button
        type="button"
        className="kern-btn kern-btn--secondary kern-btn--x-small"
        onClick={async () => {
          // Leave the page first: a protected page would otherwise send a logged-out person to the login form.
          navigate('/');
          await logout();
        }}
      >
        <span className="kern-icon kern-icon--logout" aria-hidden="true" />
        <span className="kern-label">{t('header.logout')}</span>
      </button>
    </div>
  );
}

function MainNav() {
  const { t } = useTranslation();
  const { user } = useSession();
  const links: [string, string][] = [
    ['/', t('nav.home')],
    ['/regions', t('nav.regions')],
    ['/catalogue', t('catalogue.navEntry')],
    ['/portal', t('portal.navEntry')],
    ...areasOf(user ?? null).map((a): [string, string] => [areaPaths[a], t(`nav.${a}`)]),
  ];
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <div className="kern-container site-width">
        <ul className="main-nav__list">
          {links.map(([to, label]) => (
            <li key={to}>
              <NavLink to={to} end={to === '/'} className="main-nav__link">
                {label}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

/**
 * The frame of every page. After a client-side navigation focus moves to the new page's h1,
 * so screen readers announce the page as they would after a full load.
 */
export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const first = useRef(true);
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Pages that load on demand render their h1 a moment later: look a few times, then settle for <main>.
    let handle = 0;
    const tryFocus = (attempt: number) => {
      const h1 = mainRef.current?.querySelector<HTMLElement>('h1');
      if (h1) h1.focus();
      else if (attempt < 5) handle = window.setTimeout(() => tryFocus(attempt + 1), 100 * (attempt + 1));
      else mainRef.current?.focus();
    };
    handle = window.setTimeout(() => tryFocus(0), 0);
    return () => window.clearTimeout(handle);
  }, [location.pathname]);

  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <div className="app">
      <a className="skip-link kern-link" href="#main-content" onClick={skip}>
        {t('header.skip')}
      </a>
      <header className="site-header">
        <div className="kern-container site-width site-header__bar">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <div className="site-header__tools">
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
        <MainNav />
      </header>
      <main id="main-content" ref={mainRef} tabIndex={-1} className="kern-container site-width site-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="kern-container site-width site-footer__inner">
          <p className="kern-body kern-body--small">
            {t('app.name')} · {t('footer.licence')}
          </p>
          <ul className="site-footer__links" aria-label={t('footer.links')}>
            <li>
              <a className="kern-link kern-link--small" href="/api/docs">
                {t('footer.apiDocs')}
              </a>
            </li>
            <li>
              <Link className="kern-link kern-link--small" to="/portal/open-data">
                {t('portal.nav.openData')}
              </Link>
            </li>
            <li>
              <Link className="kern-link kern-link--small" to="/regions">
                {t('nav.regions')}
              </Link>
            </li>
          </ul>
        </div>
      </footer>
    </div>
  );
}
