import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../../session/SessionContext';

/** The catalogue's own pages, as a secondary navigation under the page heading. */
export function CatalogueNav() {
  const { t } = useTranslation();
  const { user } = useSession();
  const links: [string, string][] = [
    ['/catalogue', t('catalogue.nav.search')],
    ['/catalogue/network', t('catalogue.nav.network')],
    ['/catalogue/knowledge', t('catalogue.nav.knowledge')],
    ...(user ? [['/catalogue/new', t('catalogue.nav.register')] as [string, string]] : []),
  ];
  return (
    <nav className="catalogue-nav" aria-label={t('catalogue.nav.label')}>
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end className="kern-link">
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
