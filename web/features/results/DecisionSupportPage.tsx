import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { roundsApi } from '../../api/endpoints';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatMoney, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';
import { areasOf } from '../../session/start-page';
import { resultsApi, type DecisionSupport, type SupportApplication } from './results-api';

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * The best selection by calibrated score within the envelope (and the round's balance rules),
 * beside the jury's decisions: differences and the marginal applications named, and for the
 * office a decision letter per decided application.
 */
export function DecisionSupportPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const [rules, setRules] = useState<'round' | 'none'>('round');
  const { data, error, loading } = useApi(async () => Promise.all([roundsApi.get(roundId), resultsApi.support(roundId, rules)]), [roundId, rules]);
  return (
    <RequireArea areas={['office', 'admin', 'jury']}>
      {(user) => {
        // Letters are the office's until publication; the jury sees no download.
        const office = areasOf(user).some((area) => area === 'office' || area === 'admin');
        if (error) return <LoadFailed error={error} />;
        if (loading || !data) {
          return (
            <Page title={t('results.support.loadingTitle')}>
              <Loading />
            </Page>
          );
        }
        const [round, support] = data;
        return (
          <Page
            title={t('results.support.title', { name: round.name })}
            preline={
              <Link className="kern-link" to={`/rounds/${round.id}`}>
                {round.name}
              </Link>
            }
            lead={t('results.support.lead')}
          >
            <fieldset className="kern-fieldset">
              <legend className="kern-label">{t('results.support.rulesLegend')}</legend>
              <div className="kern-fieldset__body kern-fieldset__body--horizontal">
                {(['round', 'none'] as const).map((value) => (
                  <div className="kern-form-check" key={value}>
                    <input className="kern-form-check__radio" type="radio" id={`rules-${value}`} name="rules" checked={rules === value} onChange={() => setRules(value)} />
                    <label className="kern-label" htmlFor={`rules-${value}`}>
                      {t(`results.support.rules.${value}`)}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <Summary support={support} />
            <Ranking support={support} letters={office} />
          </Page>
        );
      }}
    </RequireArea>
  );
}

function Summary({ support }: { support: DecisionSupport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = new Map(support.applications.map((a) => [a.applicationId, a.organisation ?? t('results.support.recused')]));
  const list = (ids: string[]) => (ids.length === 0 ? t('results.support.nobody') : ids.map((id) => names.get(id) ?? id).join(', '));
  return (
    <Section title={t('results.support.summary')} id="summary">
      <p className="kern-body">{t(`results.support.status.${support.status}`)}</p>
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('results.support.optimal')}</dt>
          <dd className="kern-description-list-item__value">
            {t('results.support.selection', { count: support.optimal.count, money: formatMoney(support.optimal.totalCents, lang, { whole: true }), score: formatNumber(oneDecimal(support.optimal.totalScore), lang) })}
          </dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('results.support.jury')}</dt>
          <dd className="kern-description-list-item__value">
            {t('results.support.selection', { count: support.jury.count, money: formatMoney(support.jury.totalCents, lang, { whole: true }), score: formatNumber(oneDecimal(support.jury.totalScore), lang) })}
          </dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('results.support.envelope')}</dt>
          <dd className="kern-description-list-item__value">{formatMoney(support.envelopeCents, lang, { whole: true })}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('results.support.onlyOptimal')}</dt>
          <dd className="kern-description-list-item__value">{list(support.differences.onlyOptimal)}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('results.support.onlyJury')}</dt>
          <dd className="kern-description-list-item__value">{list(support.differences.onlyJury)}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('results.support.lastIn')}</dt>
          <dd className="kern-description-list-item__value">{list(support.marginal.lastIn)}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('results.support.firstOut')}</dt>
          <dd className="kern-description-list-item__value">{list(support.marginal.firstOut)}</dd>
        </div>
      </dl>
    </Section>
  );
}

function Ranking({ support, letters }: { support: DecisionSupport; letters: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const outcome = (a: SupportApplication) => (a.juryOutcome ? t(`results.support.outcomes.${a.juryOutcome}`) : '–');
  return (
    <Section title={t('results.support.ranking')} id="ranking">
      <Table
        caption={t('results.support.ranking')}
        captionHidden
        small
        columns={[
          { label: t('results.support.rank'), numeric: true },
          { label: t('results.support.application') },
          { label: t('results.support.score'), numeric: true },
          { label: t('results.support.requested'), numeric: true },
          { label: t('results.support.inOptimal') },
          { label: t('results.support.juryOutcome') },
          ...(letters ? [{ label: t('results.support.letter') }] : []),
        ]}
      >
        {support.applications.map((a) => (
          <tr className="kern-table__row" key={a.applicationId}>
            <Cell numeric>{formatNumber(a.rank, lang)}</Cell>
            <Cell header>
              {a.organisation ?? <em>{t('results.support.recused')}</em>}
              {a.marginal && <span className="muted cell-note">{t(`results.support.marginal.${a.marginal}`)}</span>}
            </Cell>
            <Cell numeric>{formatNumber(oneDecimal(a.score), lang)}</Cell>
            <Cell numeric>{formatMoney(a.requestedCents, lang, { whole: true })}</Cell>
            <Cell>{a.inOptimal ? t('common.yes') : t('common.no')}</Cell>
            <Cell>
              {outcome(a)}
              {a.juryOutcome === 'selected' && <span className="muted cell-note">{formatMoney(a.juryFundingCents, lang, { whole: true })}</span>}
            </Cell>
            {letters && (
            <Cell>
              {a.juryOutcome ? (
                <a className="kern-link" href={resultsApi.letterUrl(a.applicationId)} download>
                  {t('results.support.letterLink')}
                  <span className="kern-sr-only">: {a.organisation}</span>
                </a>
              ) : (
                '–'
              )}
            </Cell>
            )}
          </tr>
        ))}
      </Table>
    </Section>
  );
}
