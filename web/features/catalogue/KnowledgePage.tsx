import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { catalogueApi } from '../../api/endpoints';
import { DescriptionList } from '../../components/badges';
import { SelectField, TextField } from '../../components/fields';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { useLang } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useSession } from '../../session/SessionContext';
import { areasOf } from '../../session/start-page';
import { AttendanceForm } from './AttendanceForm';
import { knowledgeKinds, type KnowledgeDetail, type KnowledgeListItem } from './catalogue-types';
import { KnowledgeForm } from './KnowledgeForm';
import { CatalogueNav } from './CatalogueNav';
import './catalogue.css';

function KnowledgeHit({ item }: { item: KnowledgeListItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <li className="hit">
      <article aria-labelledby={`k-${item.id}`}>
        <p className="kern-preline">{t(`catalogue.knowledge.kinds.${item.kind}`)}</p>
        <h3 className="kern-heading-small" id={`k-${item.id}`}>
          <Link className="kern-link" to={`/catalogue/knowledge/${item.id}`}>
            {item.title}
          </Link>
        </h3>
        <p className="kern-body">{item.excerpt}</p>
        <p className="kern-body kern-body--small hit-meta">
          {item.startsAt && <span>{t('catalogue.knowledge.when', { time: formatDateTime(item.startsAt, lang) })}</span>}
          {item.location && <span>{item.location}</span>}
          {item.organisation && <span>{item.organisation.displayName}</span>}
          {item.kind === 'event' && <span>{t('catalogue.knowledge.attendees', { count: item.attendees, formatted: formatNumber(item.attendees, lang) })}</span>}
          {item.solution && (
            <Link className="kern-link" to={`/catalogue/solutions/${encodeURIComponent(item.solution.slug)}`}>
              {item.solution.name}
            </Link>
          )}
        </p>
      </article>
    </li>
  );
}

/** Lessons learned and exchange events, searchable in German like the solutions. */
export function KnowledgePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = knowledgeKinds.find((k) => k === params.get('kind')) ?? '';
  const [text, setText] = useState(q);
  const [kindDraft, setKindDraft] = useState<string>(kind);
  useEffect(() => {
    setText(q);
    setKindDraft(kind);
  }, [q, kind]);
  const { data, error, loading } = useApi(() => catalogueApi.knowledge({ q: q || undefined, kind: kind || undefined }), [q, kind]);
  const { user } = useSession();
  const staff = areasOf(user ?? null).some((a) => a === 'office' || a === 'admin');
  const [writing, setWriting] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (text.trim()) next.set('q', text.trim());
    if (kindDraft) next.set('kind', kindDraft);
    setParams(next);
  };

  if (error && !data) return <LoadFailed error={error} />;
  return (
    <Page title={t('catalogue.knowledge.title')} lead={t('catalogue.knowledge.lead')}>
      <CatalogueNav />
      {writing ? (
        <KnowledgeForm staff={staff} onCancel={() => setWriting(false)} />
      ) : (
        user && (
          <p className="kern-body">
            <button type="button" className="kern-btn kern-btn--secondary" onClick={() => setWriting(true)}>
              <span className="kern-label">{staff ? t('catalogue.write.openStaff') : t('catalogue.write.open')}</span>
            </button>
          </p>
        )
      )}
      <form role="search" className="catalogue-search" onSubmit={submit} aria-label={t('catalogue.knowledge.formLabel')}>
        <TextField path="q" type="search" label={t('catalogue.search.query')} optional value={text} onChange={setText} />
        <SelectField
          path="kind"
          label={t('catalogue.knowledge.kind')}
          value={kindDraft}
          onChange={setKindDraft}
          options={[{ value: '', label: t('catalogue.knowledge.allKinds') }, ...knowledgeKinds.map((k) => ({ value: k, label: t(`catalogue.knowledge.kindsPlural.${k}`) }))]}
        />
        <button type="submit" className="kern-btn kern-btn--primary">
          <span className="kern-icon kern-icon--search" aria-hidden="true" />
          <span className="kern-label">{t('catalogue.search.submit')}</span>
        </button>
      </form>
      <p className="kern-body results-line" role="status">
        {data && !loading ? t('catalogue.knowledge.count', { count: data.total, formatted: formatNumber(data.total, lang) }) : ''}
      </p>
      {!data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <p className="kern-body">{t('catalogue.knowledge.empty')}</p>
      ) : (
        <ol className="hit-list" aria-label={t('catalogue.knowledge.listLabel')}>
          {data.items.map((item) => (
            <KnowledgeHit key={item.id} item={item} />
          ))}
        </ol>
      )}
    </Page>
  );
}

/** One article or event, with who took part. */
export function KnowledgeItemPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const { user } = useSession();
  // Abilities depend on who is logged in.
  const { data: loaded, error } = useApi(() => catalogueApi.knowledgeItem(id), [id, user?.id]);
  const [updated, setUpdated] = useState<KnowledgeDetail | null>(null);
  const data = updated?.id === id ? updated : loaded;
  if (error && !data) return <LoadFailed error={error} />;
  if (!data) {
    return (
      <Page title={t('catalogue.knowledge.title')}>
        <Loading />
      </Page>
    );
  }
  const facts: [string, ReactNode][] = [[t('catalogue.knowledge.kind'), t(`catalogue.knowledge.kinds.${data.kind}`)]];
  if (data.startsAt) facts.push([t('catalogue.knowledge.date'), formatDateTime(data.startsAt, lang)]);
  if (data.location) facts.push([t('catalogue.knowledge.location'), data.location]);
  if (data.organisation) facts.push([t('catalogue.knowledge.author'), data.organisation.displayName]);
  if (data.solution)
    facts.push([
      t('catalogue.knowledge.solution'),
      <Link key="s" className="kern-link" to={`/catalogue/solutions/${encodeURIComponent(data.solution.slug)}`}>
        {data.solution.name}
      </Link>,
    ]);
  return (
    <Page
      title={data.title}
      preline={
        <Link className="kern-link" to="/catalogue/knowledge">
          {t('catalogue.knowledge.title')}
        </Link>
      }
    >
      <DescriptionList items={facts} />
      <div className="kern-body prose">{data.body}</div>
      {data.kind === 'event' && (
        <Section title={t('catalogue.knowledge.attendance', { count: data.attendance.length })} id="attendance">
          {data.attendance.length === 0 ? (
            <p className="kern-body">{t('catalogue.knowledge.noAttendance')}</p>
          ) : (
            <ul className="kern-list">
              {data.attendance.map((a) => (
                <li key={a.organisationId}>{a.displayName}</li>
              ))}
            </ul>
          )}
          {data.abilities.includes('knowledge.attendance') && <AttendanceForm event={data} onRecorded={setUpdated} />}
        </Section>
      )}
    </Page>
  );
}
