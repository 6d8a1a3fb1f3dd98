import { useTranslation } from 'react-i18next';
import { SectionNav } from '../../components/SectionNav';
import { useSession } from '../../session/SessionContext';

export function CatalogueNav() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <SectionNav
      className="catalogue-nav"
      label={t('catalogue.nav.label')}
      links={[
        ['/catalogue', t('catalogue.nav.search')],
        ['/catalogue/network', t('catalogue.nav.network')],
        ['/catalogue/knowledge', t('catalogue.nav.knowledge')],
        ...(user ? [['/catalogue/new', t('catalogue.nav.register')] as [string, string]] : []),
      ]}
    />
  );
}
