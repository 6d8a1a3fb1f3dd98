import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { useLang } from '../../i18n';
import { formatMoney, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { portalApi } from './portal-api';
import { PortalNav } from './PortalNav';
import { ProjectsMapAndTable } from './ProjectsMap';
import './portal.css';

/** The portal's front page: the programme and its rounds, key figures, and the map of funded projects. */
export function PortalHomePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error } = useApi(() => Promise.all([portalApi.overview(), portalApi.statistics(), portalApi.projects({})]), []);
  if (error) return <LoadFailed error={error} />;
  return (
    <Page title={t('portal.home.title')} lead={t('portal.home.lead')}>
      <PortalNav />
      {!data ? (
        <Loading />
      ) : (
        <>
          <Section title={t('portal.home.keyFigures')} id="key-figures">
            <ul className="key-figures">
              <li>
                <strong>{formatNumber(data[1].totals.funded, lang)}</strong> {t('portal.home.funded')}
              </li>
              <li>
                <strong>{formatMoney(data[1].totals.approvedCents, lang, { whole: true })}</strong> {t('portal.home.approved')}
              </li>
              <li>
                <strong>{formatNumber(data[1].totals.applications, lang)}</strong> {t('portal.home.applications')}
              </li>
              <li>
                <strong>{formatNumber(data[1].byLand.filter((l) => l.funded > 0).length, lang)}</strong> {t('portal.home.laender')}
              </li>
            </ul>
          </Section>
          <Section title={t('portal.home.rounds')} id="rounds">
            {data[0].programmes.map((programme) => (
              <div key={programme.slug}>
                <h3 className="kern-heading-small">{programme.name}</h3>
                {programme.description && <p className="kern-body">{programme.description}</p>}
                <p className="kern-body">{t('portal.home.budget', { amount: formatMoney(programme.budgetCents, lang, { whole: true }) })}</p>
                <ul className="kern-list">
                  {programme.rounds.map((round) => (
                    <li key={round.id}>
                      <Link className="kern-link" to={`/rounds/${round.id}`}>
                        {round.name}
                      </Link>
                      {round.motto && <> – {round.motto}</>} · {t('portal.home.envelope', { amount: formatMoney(round.envelopeCents, lang, { whole: true }) })} ·{' '}
                      {round.published ? (
                        <Link className="kern-link" to={`/rounds/${round.id}/results`}>
                          {t('portal.home.results', { name: round.name })}
                        </Link>
                      ) : (
                        t('portal.home.notPublished')
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </Section>
          <Section title={t('portal.home.map')} id="map">
            <p className="kern-body">
              <Link className="kern-link" to="/portal/projects">
                {t('portal.home.allProjects')}
              </Link>
            </p>
            <ProjectsMapAndTable projects={data[2].items} />
          </Section>
        </>
      )}
    </Page>
  );
}
