import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { officeApi, roundsApi } from '../../api/endpoints';
import { applicantKinds, applicationStatuses, formalChecks, type OfficeFilter } from '../../api/types';
import { ErrorSummary } from '../../components/alerts';
import { ApplicationStatusBadge, FormalCheckBadge } from '../../components/badges';
import { SelectField, TextField } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { Cell, Table, type Column } from '../../components/table';
import { useLang } from '../../i18n';
import { formatDateTime, formatMoney, formatNumber } from '../../lib/format';
import { laender } from '../../lib/laender';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';
import { draftFromFilter, filterFromDraft, filterFromSearch, searchOf, sortFromSearch, sortRows, totalsOf, type FilterDraft, type SortKey } from './office-filter';

function FilterForm({ filter, onApply }: { filter: OfficeFilter; onApply(filter: OfficeFilter): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [draft, setDraft] = useState<FilterDraft>(() => draftFromFilter(filter, lang));
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();
  // Back and forward in the browser change the filter under the form: follow it.
  const key = JSON.stringify(filter);
  useEffect(() => {
    setDraft(draftFromFilter(JSON.parse(key) as OfficeFilter, lang));
  }, [key, lang]);
  const set = (k: keyof FilterDraft) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const all = { value: '', label: t('office.all') };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    const { filter: next, problems } = filterFromDraft(draft, lang);
    if (problems.length > 0) {
      fail(localProblem(t('problems.VALIDATION_FAILED'), t('form.checkFields'), problems.map((p) => ({ path: p.path, message: t('form.format.amount') }))));
      return;
    }
    onApply(next);
  };

  return (
    <form onSubmit={submit} noValidate className="app-form filter-form" aria-labelledby="filter-heading">
      <h2 className="kern-heading-medium" id="filter-heading">
        {t('office.filter')}
      </h2>
      <ErrorSummary error={error} ref={summaryRef} />
      <div className="filter-grid">
        <SelectField
          path="status"
          label={t('application.status')}
          value={draft.status}
          onChange={set('status')}
          options={[all, ...applicationStatuses.map((s) => ({ value: s, label: t(`applicationStatus.${s}`) }))]}
        />
        <SelectField
          path="formalCheck"
          label={t('formalCheck.short')}
          value={draft.formalCheck}
          onChange={set('formalCheck')}
          options={[all, ...formalChecks.map((c) => ({ value: c, label: t(`formalCheck.values.${c}`) }))]}
        />
        <SelectField
          path="kind"
          label={t('organisations.kind')}
          value={draft.kind}
          onChange={set('kind')}
          options={[all, ...applicantKinds.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))]}
        />
        <SelectField path="land" label={t('regions.land')} value={draft.land} onChange={set('land')} options={[all, ...laender.map((l) => ({ value: l.key, label: l.name }))]} />
        <TextField
          path="minRequestedCents"
          label={t('office.minRequested')}
          hint={t('office.amountHint')}
          optional
          inputMode="decimal"
          value={draft.minRequested}
          error={fieldErrors.minRequestedCents}
          onChange={set('minRequested')}
        />
        <TextField
          path="maxRequestedCents"
          label={t('office.maxRequested')}
          hint={t('office.amountHint')}
          optional
          inputMode="decimal"
          value={draft.maxRequested}
          error={fieldErrors.maxRequestedCents}
          onChange={set('maxRequested')}
        />
      </div>
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary">
          <span className="kern-icon kern-icon--search" aria-hidden="true" />
          <span className="kern-label">{t('office.applyFilter')}</span>
        </button>
        <button
          type="button"
          className="kern-btn kern-btn--tertiary"
          onClick={() => {
            clear();
            onApply({});
          }}
        >
          <span className="kern-label">{t('office.resetFilter')}</span>
        </button>
      </div>
    </form>
  );
}

/** The programme office's working list of a round's applications: filter, sort, sums, export, open. */
export function RoundApplicationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { roundId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filter = filterFromSearch(params);
  const sort = sortFromSearch(params);
  const filterKey = searchOf(filter).toString();
  const round = useApi(() => roundsApi.get(roundId), [roundId]);
  const rows = useApi(() => officeApi.list(roundId, filterFromSearch(new URLSearchParams(filterKey))), [roundId, filterKey]);
  // The result count is announced once the new list is there, not while it loads.
  const [announced, setAnnounced] = useState('');

  const data = rows.data;
  const totals = data ? totalsOf(data) : null;
  useEffect(() => {
    if (!rows.loading && totals) {
      setAnnounced(t('office.resultCount', { count: totals.count, formatted: formatNumber(totals.count, lang), sum: formatMoney(totals.requestedCents, lang) }));
    }
    // Only a finished load changes the announcement.
  }, [rows.loading, data]);

  return (
    <RequireArea areas={['office', 'admin']}>
      {() => {
        if (round.error) return <LoadFailed error={round.error} />;
        if (rows.error && !data) return <LoadFailed error={rows.error} />;
        if (!round.data) return <Page title={t('office.applicationsTitle')}><Loading /></Page>;
        const r = round.data;
        const sorted = data ? sortRows(data, sort.key, sort.dir) : [];
        const setSort = (key: SortKey) => {
          const dir = sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc';
          setParams(searchOf(filter, { key, dir }));
        };
        const column = (key: SortKey, label: string, numeric = false): Column => ({
          numeric,
          sort: sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none',
          label: (
            <button type="button" className="sort-button" onClick={() => setSort(key)}>
              {label}
              <span className={`kern-icon kern-icon--${sort.key === key ? (sort.dir === 'asc' ? 'arrow-up' : 'arrow-down') : 'arrow-down sort-idle'}`} aria-hidden="true" />
            </button>
          ),
        });
        const back = `?${params.toString()}`;
        return (
          <Page
            title={t('office.applicationsOf', { name: r.name })}
            preline={
              <Link className="kern-link" to={`/rounds/${r.id}`}>
                {r.name}
              </Link>
            }
          >
            <FilterForm filter={filter} onApply={(f) => setParams(searchOf(f, sort))} />
            <Section title={t('office.results')} id="results">
              <p className="kern-body results-line" role="status">
                {announced}
              </p>
              <div className="kern-btn-wrapper button-row export-links">
                <a className="kern-btn kern-btn--secondary" href={officeApi.exportUrl(r.id, 'xlsx', filter)} download>
                  <span className="kern-icon kern-icon--download" aria-hidden="true" />
                  <span className="kern-label">{t('office.exportXlsx')}</span>
                </a>
                <a className="kern-btn kern-btn--secondary" href={officeApi.exportUrl(r.id, 'csv', filter)} download>
                  <span className="kern-icon kern-icon--download" aria-hidden="true" />
                  <span className="kern-label">{t('office.exportCsv')}</span>
                </a>
              </div>
              {rows.loading && !data ? (
                <Loading />
              ) : sorted.length === 0 ? (
                <p className="kern-body">{t('office.noResults')}</p>
              ) : (
                <Table
                  caption={t('office.tableCaption', { name: r.name })}
                  captionHidden
                  small
                  columns={[
                    column('organisation', t('application.applicant')),
                    { label: t('organisations.kind') },
                    column('land', t('regions.land')),
                    { label: t('application.projectTitle') },
                    column('status', t('application.status')),
                    column('formalCheck', t('formalCheck.short')),
                    column('requested', t('application.requested'), true),
                    column('submitted', t('application.submittedAt')),
                  ]}
                  footer={
                    totals && (
                      <tr className="kern-table__row">
                        <Cell header colSpan={6}>
                          {t('office.total', { count: totals.count, formatted: formatNumber(totals.count, lang) })}
                        </Cell>
                        <Cell numeric>
                          <strong>{formatMoney(totals.requestedCents, lang)}</strong>
                        </Cell>
                        <Cell>{''}</Cell>
                      </tr>
                    )
                  }
                >
                  {sorted.map((row) => (
                    <tr className="kern-table__row" key={row.id}>
                      <Cell header>
                        <Link className="kern-link" to={`/applications/${row.id}`} state={{ from: back }}>
                          {row.organisation}
                        </Link>
                        <span className="muted cell-note">{row.reference}</span>
                      </Cell>
                      <Cell>{t(`orgKinds.${row.kind}`)}</Cell>
                      <Cell>{row.landName}</Cell>
                      <Cell>
                        {row.title}
                        {row.acronym && <span className="muted"> ({row.acronym})</span>}
                      </Cell>
                      <Cell>
                        <ApplicationStatusBadge status={row.status} />
                      </Cell>
                      <Cell>
                        <FormalCheckBadge check={row.formalCheck} />
                      </Cell>
                      <Cell numeric>{formatMoney(row.requestedCents, lang)}</Cell>
                      <Cell>{row.submittedAt ? formatDateTime(row.submittedAt, lang) : '–'}</Cell>
                    </tr>
                  ))}
                </Table>
              )}
            </Section>
          </Page>
        );
      }}
    </RequireArea>
  );
}
