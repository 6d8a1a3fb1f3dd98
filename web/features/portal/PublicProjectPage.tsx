import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DescriptionList } from '../../components/badges';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatDay, formatMoney, formatRate } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { portalApi } from './portal-api';
import { PortalNav } from './PortalNav';
import './portal.css';

/** One funded project, public: who, what, money, phases, the software it published and what it learned. */
export function PublicProjectPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const { data: p, error } = useApi(() => portalApi.project(id), [id]);
  if (error) return <LoadFailed error={error} />;
  if (!p) {
    return (
      <Page title={t('portal.project.loading')}>
        <Loading />
      </Page>
    );
  }
  return (
    <Page title={p.title} preline={p.organisation.name}>
      <PortalNav />
      <p className="kern-body">
        <Link className="kern-link" to="/portal/projects">
          {t('portal.project.back')}
        </Link>
      </p>
      <Section title={t('portal.project.facts')} id="facts">
        <DescriptionList
          items={[
            [t('portal.project.applicant'), p.organisation.name],
            [t('portal.project.kind'), t(`portal.kinds.${p.organisation.kind}`)],
            [t('portal.project.land'), p.land?.name ?? '–'],
            [
              t('portal.project.round'),
              <Link key="round" className="kern-link" to={`/rounds/${p.round.id}/results`}>
                {`${p.round.name} – ${t('portal.project.results')}`}
              </Link>,
            ],
            [t('portal.project.reference'), p.reference],
            [t('portal.project.period'), `${formatDay(p.startsOn, lang)} – ${formatDay(p.endsOn, lang)}`],
            [t('portal.project.status'), `${t(`portal.statuses.${p.status}`)} · ${t(`portal.phases.${p.currentPhase ?? 'none'}`)}`],
          ]}
        />
      </Section>
      <Section title={t('portal.project.what')} id="what">
        <p className="kern-body">{p.summary}</p>
      </Section>
      <Section title={t('portal.project.money')} id="money">
        <DescriptionList
          items={[
            [t('portal.project.approved'), formatMoney(p.approvedCents, lang)],
            [t('portal.project.eligible'), formatMoney(p.eligibleCostsCents, lang)],
            [t('portal.project.rate'), formatRate(p.fundingRateBp, lang)],
            [t('portal.project.ownShare'), formatMoney(p.ownShareCents, lang)],
            [t('portal.project.disbursed'), formatMoney(p.disbursedCents, lang)],
          ]}
        />
      </Section>
      <Section title={t('portal.project.phases')} id="phases">
        {p.phases.length === 0 ? (
          <p className="kern-body">{t('portal.project.noPhases')}</p>
        ) : (
          <Table
            caption={t('portal.project.phasesCaption')}
            captionHidden
            columns={[{ label: t('portal.project.phase') }, { label: t('portal.project.from') }, { label: t('portal.project.until') }, { label: t('portal.project.amount'), numeric: true }]}
          >
            {p.phases.map((ph) => (
              <tr className="kern-table__row" key={ph.position}>
                <Cell header>
                  {t(`portal.phases.${ph.kind}`)}
                  {ph.current && (
                    <>
                      {' '}
                      <span className="kern-badge kern-badge--info">
                        <span className="kern-label">{t('portal.project.current')}</span>
                      </span>
                    </>
                  )}
                </Cell>
                <Cell>{formatDay(ph.startsOn, lang)}</Cell>
                <Cell>{formatDay(ph.endsOn, lang)}</Cell>
                <Cell numeric>{formatMoney(ph.approvedCents, lang)}</Cell>
              </tr>
            ))}
          </Table>
        )}
      </Section>
      <Section title={t('portal.project.solutions')} id="solutions">
        {p.publishedSolutions.length === 0 ? (
          <p className="kern-body">{t('portal.project.noSolutions')}</p>
        ) : (
          <ul className="portal-hits">
            {p.publishedSolutions.map((s) => (
              <li key={s.id}>
                <Link className="kern-link" to={`/catalogue/solutions/${s.slug}`}>
                  {s.name}
                </Link>{' '}
                – {s.description} ({t('portal.project.licence', { licence: s.licence })})
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('portal.project.lessons')} id="lessons">
        {p.lessons.length === 0 ? (
          <p className="kern-body">{t('portal.project.noLessons')}</p>
        ) : (
          <ul className="portal-hits">
            {p.lessons.map((l) => (
              <li key={l.id}>
                <Link className="kern-link" to={`/catalogue/knowledge/${l.id}`}>
                  {l.title}
                </Link>
                <p className="kern-body kern-body--small">{l.excerpt}</p>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </Page>
  );
}
