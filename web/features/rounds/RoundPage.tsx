import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { programmesApi, roundsApi } from '../../api/endpoints';
import { DescriptionList, StatusBadge } from '../../components/badges';
import { Alert, Notice } from '../../components/alerts';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { useLang } from '../../i18n';
import { formatDateTime, formatMoney, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { CriteriaTables } from './CriteriaTable';
import { RoundStatusActions } from './RoundStatusActions';

async function load(id: string) {
  const round = await roundsApi.get(id);
  const programme = await programmesApi.get(round.programmeSlug);
  return { round, programme };
}

/** Blank lines separate paragraphs in a call text. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p className="kern-body call-text" key={i}>
            {p}
          </p>
        ))}
    </>
  );
}

export function RoundPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const flash = (useLocation().state as { flash?: 'created' | 'saved' } | null)?.flash;
  const { data, error, loading, set } = useApi(() => load(id), [id]);
  if (error) return <LoadFailed error={error} />;
  if (loading || !data) return <Page title={t('round.loadingTitle')}><Loading /></Page>;
  const { round, programme } = data;
  return (
    <Page
      title={round.name}
      preline={
        <Link className="kern-link" to="/">
          {programme.name}
        </Link>
      }
      actions={
        (round.abilities.includes('round.update') || round.abilities.includes('round.transition')) && (
          <>
            {round.abilities.includes('round.transition') && round.status !== 'draft' && (
              <Link className="kern-btn kern-btn--secondary" to={`/office/rounds/${round.id}/applications`}>
                <span className="kern-icon kern-icon--checklist" aria-hidden="true" />
                <span className="kern-label">{t('round.applications')}</span>
              </Link>
            )}
            {round.abilities.includes('round.transition') && round.status !== 'draft' && (
              <Link className="kern-btn kern-btn--secondary" to={`/office/rounds/${round.id}/review`}>
                <span className="kern-icon kern-icon--visibility" aria-hidden="true" />
                <span className="kern-label">{t('review.roundLink')}</span>
              </Link>
            )}
            {round.abilities.includes('round.transition') && round.status !== 'draft' && (
              <Link className="kern-btn kern-btn--secondary" to={`/office/rounds/${round.id}/jury`}>
                <span className="kern-icon kern-icon--group" aria-hidden="true" />
                <span className="kern-label">{t('juryOffice.roundLink')}</span>
              </Link>
            )}
            {round.abilities.includes('round.transition') && ['jury', 'decided', 'published'].includes(round.status) && (
              <Link className="kern-btn kern-btn--secondary" to={`/rounds/${round.id}/decision-support`}>
                <span className="kern-icon kern-icon--calculate" aria-hidden="true" />
                <span className="kern-label">{t('results.links.support')}</span>
              </Link>
            )}
            {round.abilities.includes('round.transition') && ['decided', 'published'].includes(round.status) && (
              <Link className="kern-btn kern-btn--secondary" to={`/office/rounds/${round.id}/grants`}>
                <span className="kern-icon kern-icon--checklist" aria-hidden="true" />
                <span className="kern-label">{t('funding.officeLinks.grantsLink')}</span>
              </Link>
            )}
            {round.abilities.includes('round.update') && (
              <Link className="kern-btn kern-btn--secondary" to={`/rounds/${round.id}/edit`}>
                <span className="kern-icon kern-icon--edit" aria-hidden="true" />
                <span className="kern-label">{t('round.edit')}</span>
              </Link>
            )}
          </>
        )
      }
    >
      {flash && <Alert tone="success" live="status" title={t(`round.flash.${flash}`)} />}
      <p className="round-status-line">
        <StatusBadge status={round.status} />
      </p>
      {round.motto && <p className="kern-body kern-body--large round-motto">„{round.motto}“</p>}
      {round.status === 'published' && (
        <p className="kern-body">
          <Link className="kern-link" to={`/rounds/${round.id}/results`}>
            {t('results.links.published')}
          </Link>
        </p>
      )}
      {round.status === 'draft' && <Notice title={t('round.draftNotice')} />}
      <RoundStatusActions round={round} onChanged={(r) => set({ round: r, programme })} />
      <Section title={t('round.facts')}>
        <DescriptionList
          items={[
            [t('round.opensAt'), `${formatDateTime(round.opensAt, lang)} (${t('common.berlinTime')})`],
            [t('round.closesAt'), `${formatDateTime(round.closesAt, lang)} (${t('common.berlinTime')})`],
            [t('round.envelope'), formatMoney(round.envelopeCents, lang, { whole: true })],
            [t('round.maxRequest'), round.maxRequestCents === null ? t('round.noMaxRequest') : formatMoney(round.maxRequestCents, lang, { whole: true })],
            [t('round.eligibleKinds'), round.eligibleKinds.map((k) => t(`kinds.${k}`)).join(', ')],
            [t('round.reviewersPerApplication'), String(round.reviewersPerApplication)],
            [t('round.jurySize'), String(round.jurySize)],
          ]}
        />
      </Section>
      {round.callText && (
        <Section title={t('round.callText')}>
          <Paragraphs text={round.callText} />
        </Section>
      )}
      <Section title={t('round.criteria')}>
        {round.criteria.length === 0 ? <p className="kern-body">{t('round.noCriteria')}</p> : <CriteriaTables criteria={round.criteria} />}
      </Section>
      {(round.formSections.length > 0 || round.costCategories.length > 0) && (
        <Section title={t('round.applicationForm')}>
          {round.formSections.length > 0 && (
            <ol className="kern-list kern-list--number section-list">
              {round.formSections.map((f) => (
                <li key={f.key}>
                  <strong>{f.title}</strong> <span className="muted">({f.required ? t('sections.requiredBadge') : t('sections.optionalBadge')}, {t('sections.chars', { count: f.maxLength, formatted: formatNumber(f.maxLength, lang) })})</span>
                  {f.description && <span className="kern-body kern-body--small section-list__description">{f.description}</span>}
                </li>
              ))}
            </ol>
          )}
          {round.costCategories.length > 0 && (
            <>
              <h3 className="kern-heading-small">{t('round.costCategories')}</h3>
              <ul className="kern-list kern-list--bullet">
                {round.costCategories.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </>
          )}
        </Section>
      )}
    </Page>
  );
}
