import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application, ApplicationContent, BudgetLine, Programme, Round } from '../../api/types';
import { DescriptionList } from '../../components/badges';
import { Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatMoney, formatRate } from '../../lib/format';
import { budgetTotals } from './application-model';

/** Text as it was typed: paragraphs at blank lines, line breaks kept. */
export function TextBlock({ text }: { text: string }) {
  const { t } = useTranslation();
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return <p className="kern-body muted">{t('application.empty')}</p>;
  return (
    <>
      {paragraphs.map((p, i) => (
        <p className="kern-body prose" key={i}>
          {p}
        </p>
      ))}
    </>
  );
}

/** The plan's sums per year and per category, as two small tables. */
export function BudgetTotalsView({ lines, idPrefix }: { lines: readonly BudgetLine[]; idPrefix: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const totals = budgetTotals(lines);
  if (lines.length === 0) return null;
  return (
    <div className="budget-totals" id={`${idPrefix}-totals`}>
      <Table caption={t('budget.perYear')} small columns={[{ label: t('budget.year') }, { label: t('budget.amount'), numeric: true }]}>
        {totals.byYear.map(([year, cents]) => (
          <tr className="kern-table__row" key={year}>
            <Cell header>{Number.isFinite(year) ? String(year) : '–'}</Cell>
            <Cell numeric>{formatMoney(cents, lang)}</Cell>
          </tr>
        ))}
      </Table>
      <Table
        caption={t('budget.perCategory')}
        small
        columns={[{ label: t('budget.category') }, { label: t('budget.amount'), numeric: true }]}
        footer={
          <tr className="kern-table__row">
            <Cell header>{t('budget.total')}</Cell>
            <Cell numeric>
              <strong>{formatMoney(totals.total, lang)}</strong>
            </Cell>
          </tr>
        }
      >
        {totals.byCategory.map(([category, cents]) => (
          <tr className="kern-table__row" key={category}>
            <Cell header>{category || '–'}</Cell>
            <Cell numeric>{formatMoney(cents, lang)}</Cell>
          </tr>
        ))}
      </Table>
    </div>
  );
}

/** What the server computed from the saved plan: eligible costs, rate, funding, own share. */
export function MoneyFacts({ app, round, programme, note }: { app: Application; round: Round; programme?: Programme; note?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const overMax = round.maxRequestCents !== null && app.requestedCents > round.maxRequestCents;
  return (
    <div className="money-facts">
      {note && <p className="kern-body kern-body--small muted">{note}</p>}
      <DescriptionList
        items={[
          [t('money.eligibleCosts'), formatMoney(app.eligibleCostsCents, lang)],
          [
            t('money.rate'),
            `${formatRate(app.rateBp, lang)}${programme && app.rateBp === programme.raisedRateBp && programme.raisedRateBp !== programme.defaultRateBp ? ` (${t('money.raised')})` : ''}`,
          ],
          [t('money.requested'), <strong key="r">{formatMoney(app.requestedCents, lang)}</strong>],
          [t('money.ownContribution'), formatMoney(app.ownContributionCents, lang)],
          ...(round.maxRequestCents !== null
            ? [
                [
                  t('round.maxRequest'),
                  <span key="m" className={overMax ? 'text-danger' : undefined}>
                    {formatMoney(round.maxRequestCents, lang, { whole: true })}
                    {overMax && ` – ${t('money.overMax')}`}
                  </span>,
                ] as [string, ReactNode],
              ]
            : []),
        ]}
      />
    </div>
  );
}

export function BudgetLinesTable({ lines, caption }: { lines: readonly BudgetLine[]; caption: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table caption={caption} columns={[{ label: t('budget.year') }, { label: t('budget.category') }, { label: t('budget.amount'), numeric: true }]}>
      {lines.map((l, i) => (
        <tr className="kern-table__row" key={i}>
          <Cell>{l.year}</Cell>
          <Cell>{l.category}</Cell>
          <Cell numeric>{formatMoney(l.amountCents, lang)}</Cell>
        </tr>
      ))}
    </Table>
  );
}

interface Props {
  content: ApplicationContent;
  round: Round;
  /** The application, for the computed money; left out for old versions (their sums are shown only). */
  app?: Application;
  programme?: Programme;
  idPrefix?: string;
}

/** An application to read: for the office, after submission, and for old versions. */
export function ApplicationContentView({ content, round, app, programme, idPrefix = 'view' }: Props) {
  const { t } = useTranslation();
  const known = new Set(round.formSections.map((s) => s.key));
  const extra = Object.keys(content.sections).filter((k) => !known.has(k));
  return (
    <div className="application-view">
      <Section title={t('application.project')} id={`${idPrefix}-project`}>
        <DescriptionList
          items={[
            [t('application.projectTitle'), content.title || '–'],
            [t('application.acronym'), content.acronym || '–'],
            [t('budget.emergency'), content.budgetEmergency ? t('common.yes') : t('common.no')],
          ]}
        />
        <h3 className="kern-heading-small">{t('application.summary')}</h3>
        <TextBlock text={content.summary} />
      </Section>
      <Section title={t('application.sections')} id={`${idPrefix}-sections`}>
        {round.formSections.map((s) => (
          <div key={s.key} className="view-section">
            <h3 className="kern-heading-small">{s.title}</h3>
            <TextBlock text={content.sections[s.key] ?? ''} />
          </div>
        ))}
        {extra.map((k) => (
          <div key={k} className="view-section">
            <h3 className="kern-heading-small">{k}</h3>
            <TextBlock text={content.sections[k] ?? ''} />
          </div>
        ))}
      </Section>
      {(content.partners.length > 0 || app?.organisation.kind === 'cooperation') && (
        <Section title={t('partners.title')} id={`${idPrefix}-partners`}>
          {content.partners.length === 0 ? (
            <p className="kern-body muted">{t('partners.none')}</p>
          ) : (
            <ul className="kern-list kern-list--bullet">
              {content.partners.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </Section>
      )}
      <Section title={t('budget.title')} id={`${idPrefix}-budget`}>
        {content.budget.length === 0 ? (
          <p className="kern-body muted">{t('budget.none')}</p>
        ) : (
          <>
            <BudgetLinesTable lines={content.budget} caption={t('budget.lines')} />
            <BudgetTotalsView lines={content.budget} idPrefix={idPrefix} />
          </>
        )}
        {app && <MoneyFacts app={app} round={round} programme={programme} />}
      </Section>
    </div>
  );
}
