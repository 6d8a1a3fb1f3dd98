import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { useApi } from '../../lib/use-api';
import { portalApi, type PublicSearch } from './portal-api';
import { PortalNav } from './PortalNav';
import { projectPath } from './ProjectsMap';
import './portal.css';

/** One search across funded projects, the catalogue's solutions and its lessons learned; the query lives in the URL. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const { data, error } = useApi<PublicSearch | null>(() => (q.trim() ? portalApi.search(q) : Promise.resolve(null)), [q]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };
  if (error) return <LoadFailed error={error} />;
  return (
    <Page title={t('portal.search.title')} lead={t('portal.search.lead')}>
      <PortalNav />
      <form className="kern-form portal-filters" role="search" onSubmit={submit}>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="portal-q">
            {t('portal.search.label')}
          </label>
          <input className="kern-form-input__input" id="portal-q" type="search" name="q" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button className="kern-btn kern-btn--primary" type="submit">
          <span className="kern-label">{t('portal.search.submit')}</span>
        </button>
      </form>
      {!q.trim() ? (
        <p className="kern-body">{t('portal.search.empty')}</p>
      ) : data === undefined ? (
        <Loading />
      ) : (
        data && (
          <>
            <p className="kern-body results-line" role="status">
              {t('portal.search.summary', { projects: data.projectTotal, solutions: data.solutionTotal, lessons: data.lessonTotal, q: data.q })}
            </p>
            <Section title={`${t('portal.search.projects')} (${data.projectTotal})`} id="hits-projects">
              {data.projects.length === 0 ? (
                <p className="kern-body">{t('portal.search.nothing')}</p>
              ) : (
                <ul className="portal-hits">
                  {data.projects.map((p) => (
                    <li key={p.id}>
                      <Link className="kern-link" to={projectPath(p.id)}>
                        {p.title}
                      </Link>{' '}
                      – {p.organisation.name}
                      {p.land && <>, {p.land.name}</>}
                    </li>
                  ))}
                </ul>
              )}
            </Section>
            <Section title={`${t('portal.search.solutions')} (${data.solutionTotal})`} id="hits-solutions">
              {data.solutions.length === 0 ? (
                <p className="kern-body">{t('portal.search.nothing')}</p>
              ) : (
                <ul className="portal-hits">
                  {data.solutions.map((s) => (
                    <li key={s.id}>
                      <Link className="kern-link" to={`/catalogue/solutions/${s.slug}`}>
                        {s.name}
                      </Link>{' '}
                      – {s.organisationName}: {s.description}
                    </li>
                  ))}
                </ul>
              )}
            </Section>
            <Section title={`${t('portal.search.lessons')} (${data.lessonTotal})`} id="hits-lessons">
              {data.lessons.length === 0 ? (
                <p className="kern-body">{t('portal.search.nothing')}</p>
              ) : (
                <ul className="portal-hits">
                  {data.lessons.map((l) => (
                    <li key={l.id}>
                      <Link className="kern-link" to={`/catalogue/knowledge/${l.id}`}>
                        {l.title}
                      </Link>
                      {l.organisation && <> – {l.organisation.displayName}</>}
                      <p className="kern-body kern-body--small">{l.excerpt}</p>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </>
        )
      )}
    </Page>
  );
}
