import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { catalogueApi } from '../../api/endpoints';
import { Checkbox, Fieldset, fieldId, TextField } from '../../components/fields';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { useLang } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { facetOptions, facetValueLabel, landName } from './catalogue-labels';
import { ONE_VALUE_PER_FACET, chosenCount, clearFacets, PAGE_SIZE, pageCount, paramsFromSearch, searchFromParams, toggleFacet, withQuery, type SearchState } from './catalogue-search';
import { facetNames, type SolutionList, type SolutionListItem } from './catalogue-types';
import { CatalogueNav } from './CatalogueNav';
import './catalogue.css';

function SearchForm({ q, onSearch }: { q: string; onSearch(q: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(q);
  // Back and forward change the query under the form: follow it.
  useEffect(() => setText(q), [q]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(text);
  };
  return (
    <form role="search" className="catalogue-search" onSubmit={submit} aria-label={t('catalogue.search.formLabel')}>
      <TextField path="q" type="search" label={t('catalogue.search.query')} hint={t('catalogue.search.queryHint')} optional value={text} onChange={setText} />
      <button type="submit" className="kern-btn kern-btn--primary">
        <span className="kern-icon kern-icon--search" aria-hidden="true" />
        <span className="kern-label">{t('catalogue.search.submit')}</span>
      </button>
    </form>
  );
}

function Facets({ state, result, onChange }: { state: SearchState; result: SolutionList | undefined; onChange(state: SearchState): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  // The URL changes in a transition, a moment after the click: the box shows the choice at once.
  const [chosen, setChosen] = useState(state.facets);
  const chosenKey = JSON.stringify(state.facets);
  useEffect(() => setChosen(JSON.parse(chosenKey) as SearchState['facets']), [chosenKey]);
  const choose = (next: SearchState) => {
    setChosen(next.facets);
    onChange(next);
  };
  return (
    <section className="facets" aria-labelledby="facets-heading">
      <h2 className="kern-heading-small" id="facets-heading">
        {t('catalogue.search.filters')}
      </h2>
      {ONE_VALUE_PER_FACET && <p className="kern-hint">{t('catalogue.search.oneValuePerFilter')}</p>}
      {facetNames.map((name) => {
        const options = facetOptions(result?.facets[name], chosen[name]);
        if (options.length === 0) return null;
        return (
          <Fieldset key={name} path={`facet.${name}`} legend={t(`catalogue.facets.${name}`)}>
            {options.map((o) => {
              const label = facetValueLabel(t, name, o.value, o.label);
              return (
                <Checkbox
                  key={o.value}
                  id={`${fieldId(`facet.${name}`)}-${o.value.replace(/[^a-zA-Z0-9_-]/g, '-')}`}
                  checked={chosen[name].includes(o.value)}
                  onChange={(on) => choose(toggleFacet({ ...state, facets: chosen }, name, o.value, on))}
                  label={
                    <>
                      {label}{' '}
                      <span className="facet-count">
                        ({formatNumber(o.count, lang)}
                        <span className="kern-sr-only"> {t('catalogue.search.hits', { count: o.count })}</span>)
                      </span>
                    </>
                  }
                />
              );
            })}
          </Fieldset>
        );
      })}
      {chosenCount(state) > 0 && (
        <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => choose(clearFacets(state))}>
          <span className="kern-label">{t('catalogue.search.clearFilters')}</span>
        </button>
      )}
    </section>
  );
}

export function SolutionHitItem({ hit }: { hit: SolutionListItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <li className="hit">
      <article aria-labelledby={`hit-${hit.id}`}>
        <h3 className="kern-heading-small" id={`hit-${hit.id}`}>
          <Link className="kern-link" to={`/catalogue/solutions/${encodeURIComponent(hit.slug || hit.id)}`}>
            {hit.name}
          </Link>
        </h3>
        <p className="kern-body">{hit.description}</p>
        <p className="kern-body kern-body--small hit-meta">
          {hit.organisationName && (
            <span>
              {hit.organisationName}
              {hit.landName || hit.land ? `, ${hit.landName || landName(hit.land)}` : ''}
            </span>
          )}
          {hit.licence && (
            <span>
              {t('catalogue.solution.licence')}: {hit.licence}
            </span>
          )}
          {hit.maturity && (
            <span>
              {t('catalogue.solution.maturity')}: {facetValueLabel(t, 'maturity', hit.maturity)}
            </span>
          )}
          <span>{t('catalogue.solution.usedBy', { count: hit.usedBy, formatted: formatNumber(hit.usedBy, lang) })}</span>
        </p>
      </article>
    </li>
  );
}

function KnowledgeBeside({ q }: { q: string }) {
  const { t } = useTranslation();
  const { data: list } = useApi(() => catalogueApi.knowledge({ q }).catch(() => null), [q]);
  const data = list?.items;
  if (!data || data.length === 0) return null;
  return (
    <Section title={t('catalogue.search.knowledgeTitle')} id="knowledge-hits">
      <ul className="kern-list">
        {data.slice(0, 5).map((k) => (
          <li key={k.id}>
            <Link className="kern-link" to={`/catalogue/knowledge/${k.id}`}>
              {k.title}
            </Link>{' '}
            <span className="kern-body--small">({t(`catalogue.knowledge.kinds.${k.kind}`)})</span>
          </li>
        ))}
      </ul>
      {list.total > 5 && (
        <p className="kern-body">
          <Link className="kern-link" to={`/catalogue/knowledge?q=${encodeURIComponent(q)}`}>
            {t('catalogue.search.allKnowledge', { count: list.total })}
          </Link>
        </p>
      )}
    </Section>
  );
}

/** The public catalogue: full-text search ranked by relevance, narrowed by facets, all of it in the URL. */
export function CatalogueSearchPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const state = searchFromParams(params);
  const key = paramsFromSearch(state).toString();
  const result = useApi(() => catalogueApi.search(paramsFromSearch(searchFromParams(new URLSearchParams(key)), { pageSize: PAGE_SIZE })), [key]);
  const go = (next: SearchState) => setParams(paramsFromSearch(next));

  // The count is announced once the new list is there, not while it loads.
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    if (result.loading || !result.data) return;
    const count = result.data.total;
    setAnnounced(
      state.q
        ? t('catalogue.search.countFor', { count, formatted: formatNumber(count, lang), q: state.q })
        : t('catalogue.search.count', { count, formatted: formatNumber(count, lang) }),
    );
  }, [result.loading, result.data, lang]);

  if (result.error && !result.data) return <LoadFailed error={result.error} />;
  const data = result.data;
  const pages = data ? pageCount(data.total, data.pageSize ?? PAGE_SIZE) : 1;

  return (
    <Page title={t('catalogue.title')} lead={t('catalogue.lead')}>
      <link rel="alternate" type="application/atom+xml" title={t('catalogue.feedTitle')} href={catalogueApi.feedUrl} />
      <CatalogueNav />
      <SearchForm q={state.q} onSearch={(q) => go(withQuery(state, q))} />
      <div className="catalogue-layout">
        <Facets state={state} result={data} onChange={go} />
        <section aria-labelledby="results-heading">
          <h2 className="kern-heading-medium" id="results-heading">
            {t('catalogue.search.results')}
          </h2>
          <p className="kern-body results-line" role="status">
            {announced}
          </p>
          {!data ? (
            <Loading />
          ) : data.items.length === 0 ? (
            <div className="kern-body">
              <p>{t('catalogue.search.empty')}</p>
              {(state.q || chosenCount(state) > 0) && (
                <p>
                  <Link className="kern-link" to="/catalogue">
                    {t('catalogue.search.showAll')}
                  </Link>
                </p>
              )}
            </div>
          ) : (
            <ol className="hit-list" aria-labelledby="results-heading">
              {data.items.map((hit) => (
                <SolutionHitItem key={hit.id} hit={hit} />
              ))}
            </ol>
          )}
          {data && pages > 1 && (
            <nav className="pager" aria-label={t('catalogue.search.pages')}>
              {state.page > 1 && (
                <Link className="kern-link" to={`?${paramsFromSearch({ ...state, page: state.page - 1 }).toString()}`}>
                  {t('catalogue.search.previous')}
                </Link>
              )}
              <span className="kern-body">{t('catalogue.search.pageOf', { page: state.page, pages })}</span>
              {state.page < pages && (
                <Link className="kern-link" to={`?${paramsFromSearch({ ...state, page: state.page + 1 }).toString()}`}>
                  {t('catalogue.search.next')}
                </Link>
              )}
            </nav>
          )}
          {state.q && <KnowledgeBeside q={state.q} />}
          <p className="kern-body kern-body--small">
            <a className="kern-link" href={catalogueApi.feedUrl} type="application/atom+xml">
              {t('catalogue.feedLink')}
            </a>
          </p>
        </section>
      </div>
    </Page>
  );
}
