import { useTranslation } from 'react-i18next';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { useLang } from '../../i18n';
import { useApi } from '../../lib/use-api';
import { portalApi } from './portal-api';
import { PortalNav } from './PortalNav';
import './portal.css';

const PUBLISHER = 'Programmbüro Stadtnetz';

/** The open datasets with their downloads, the licence, the DCAT-AP.de catalogue and the OpenAPI document. */
export function OpenDataPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error } = useApi(() => portalApi.openData(), []);
  if (error) return <LoadFailed error={error} />;
  return (
    <Page title={t('portal.openData.title')} lead={t('portal.openData.lead')}>
      <PortalNav />
      {!data ? (
        <Loading />
      ) : (
        <>
          <Section title={t('portal.openData.datasets')} id="datasets">
            {data.datasets.map((d) => {
              const name = lang === 'en' ? d.titleEn : d.titleDe;
              return (
                <div key={d.id} id={d.id}>
                  <h3 className="kern-heading-small">{name}</h3>
                  <p className="kern-body">{lang === 'en' ? d.descriptionEn : d.descriptionDe}</p>
                  <ul className="download-links">
                    {d.distributions.map((dist) => (
                      <li key={dist.format}>
                        <a className="kern-link" href={new URL(dist.url).pathname} download>
                          {t('portal.openData.download', { name, format: dist.format.toUpperCase() })}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </Section>
          <Section title={t('portal.openData.formats')} id="formats">
            <p className="kern-body">{t('portal.openData.formatsText')}</p>
          </Section>
          <Section title={t('portal.openData.licence')} id="licence">
            <p className="kern-body">
              <a className="kern-link" href={data.licence.url} lang="de">
                {data.licence.name}
              </a>{' '}
              ({data.licence.id}). {t('portal.openData.licenceText', { publisher: PUBLISHER })}
            </p>
          </Section>
          <Section title={t('portal.openData.catalog')} id="catalog">
            <p className="kern-body">{t('portal.openData.catalogText')}</p>
            <p className="kern-body">
              <a className="kern-link" href={portalApi.catalogUrl}>
                {t('portal.openData.catalogLink')}
              </a>
            </p>
          </Section>
          <Section title={t('portal.openData.api')} id="api">
            <p className="kern-body">{t('portal.openData.apiText')}</p>
            <p className="kern-body">
              <a className="kern-link" href={portalApi.openApiUrl}>
                {t('portal.openData.apiLink')}
              </a>
            </p>
          </Section>
        </>
      )}
    </Page>
  );
}
