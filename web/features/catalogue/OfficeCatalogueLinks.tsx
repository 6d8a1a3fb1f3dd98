import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '../../api/types';
import { Section } from '../../components/page';
import { rolesForArea } from '../../session/start-page';

/** The office start page's way to the obligations dashboard, one link per programme the person works for. */
export function OfficeCatalogueLinks({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const officeRoles = rolesForArea('office');
  const programmes = new Map<string, string>();
  for (const g of user.grants) if (officeRoles.includes(g.role)) programmes.set(g.programmeSlug, g.programmeName);
  if (programmes.size === 0) return null;
  return (
    <Section title={t('catalogue.officeLink.title')} id="office-catalogue">
      <ul className="tool-list">
        {[...programmes].map(([slug, name]) => (
          <li key={slug}>
            <Link className="kern-link" to={`/office/programmes/${encodeURIComponent(slug)}/obligations`}>
              {t('catalogue.officeLink.obligations', { programme: name })}
            </Link>
            <span className="kern-body kern-body--small"> – {t('catalogue.officeLink.obligationsText')}</span>
          </li>
        ))}
        <li>
          <Link className="kern-link" to="/catalogue/network">
            {t('catalogue.network.title')}
          </Link>
        </li>
      </ul>
    </Section>
  );
}
