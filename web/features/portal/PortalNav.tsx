import { useTranslation } from 'react-i18next';
import { SectionNav } from '../../components/SectionNav';

export function PortalNav() {
  const { t } = useTranslation();
  return (
    <SectionNav
      className="portal-nav"
      label={t('portal.nav.label')}
      links={[
        ['/portal', t('portal.nav.home')],
        ['/portal/projects', t('portal.nav.projects')],
        ['/portal/statistics', t('portal.nav.statistics')],
        ['/portal/search', t('portal.nav.search')],
        ['/portal/open-data', t('portal.nav.openData')],
      ]}
    />
  );
}
