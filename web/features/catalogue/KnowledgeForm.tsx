import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { catalogueApi, organisationsApi } from '../../api/endpoints';
import { ErrorSummary } from '../../components/alerts';
import { RadioGroup, SelectField, TextArea, TextField } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import { Loading } from '../../components/page';
import { berlinLocalToIso } from '../../lib/berlin-time';
import { useApi } from '../../lib/use-api';
import type { KnowledgeInput, KnowledgeKind } from './catalogue-types';

/**
 * A project shares a lesson learned (its members, for their organisation), or the programme
 * office announces an exchange event. The server decides; the form only offers what it allows.
 */
export function KnowledgeForm({ staff, onCancel }: { staff: boolean; onCancel(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const orgs = useApi(() => organisationsApi.mine(), []);
  const [kind, setKind] = useState<KnowledgeKind>('article');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [startsAt, setStartsAt] = useState('');
  const [location, setLocation] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();

  if (orgs.loading) return <Loading />;
  const mine = (orgs.data ?? []).filter((o) => o.myRole !== null);
  if (mine.length === 0 && !staff) return <p className="kern-body">{t('catalogue.write.noOrganisation')}</p>;
  // Members write for one of their organisations; the office may also write for none.
  const chosen = organisationId ?? (staff ? '' : mine[0]!.id);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const problems: { path: string; message: string }[] = [];
    if (!title.trim()) problems.push({ path: 'title', message: t('catalogue.register.required') });
    if (!body.trim()) problems.push({ path: 'body', message: t('catalogue.register.required') });
    const when = kind === 'event' ? berlinLocalToIso(startsAt) : null;
    if (kind === 'event' && !when) problems.push({ path: 'startsAt', message: t('catalogue.write.startsAtMissing') });
    if (problems.length > 0) {
      fail(localProblem(t('problems.VALIDATION_FAILED'), t('form.checkFields'), problems));
      return;
    }
    const input: KnowledgeInput =
      kind === 'event'
        ? { kind, title: title.trim(), body: body.trim(), startsAt: when, location: location.trim(), organisationId: chosen || null }
        : { kind, title: title.trim(), body: body.trim(), organisationId: chosen || null };
    setBusy(true);
    try {
      const created = await catalogueApi.addKnowledge(input);
      navigate(`/catalogue/knowledge/${created.id}`);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="app-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="write-heading">
      <h2 className="kern-heading-medium" id="write-heading">
        {t('catalogue.write.title')}
      </h2>
      <ErrorSummary error={error} ref={summaryRef} />
      {staff && (
        <RadioGroup
          path="kind"
          legend={t('catalogue.knowledge.kind')}
          value={kind}
          onChange={(v) => setKind(v as KnowledgeKind)}
          options={(['article', 'event'] as const).map((k) => ({ value: k, label: t(`catalogue.knowledge.kinds.${k}`), hint: t(`catalogue.write.kindHints.${k}`) }))}
        />
      )}
      {mine.length > 1 || staff ? (
        <SelectField
          path="organisationId"
          label={t('catalogue.write.organisation')}
          value={chosen}
          onChange={setOrganisationId}
          error={fieldErrors.organisationId}
          options={[...(staff ? [{ value: '', label: t('catalogue.write.programmeOffice') }] : []), ...mine.map((o) => ({ value: o.id, label: o.displayName }))]}
        />
      ) : (
        <p className="kern-body">
          {t('catalogue.write.organisation')}: <strong>{mine[0]!.displayName}</strong>
        </p>
      )}
      <TextField path="title" label={t('catalogue.write.titleField')} value={title} onChange={setTitle} error={fieldErrors.title} />
      <TextArea path="body" label={kind === 'event' ? t('catalogue.write.eventBody') : t('catalogue.write.articleBody')} hint={t('catalogue.write.bodyHint')} rows={10} value={body} onChange={setBody} error={fieldErrors.body} />
      {kind === 'event' && (
        <>
          <TextField path="startsAt" type="datetime-local" label={t('catalogue.write.startsAt')} hint={t('catalogue.write.startsAtHint')} value={startsAt} onChange={setStartsAt} error={fieldErrors.startsAt} width="medium" />
          <TextField path="location" label={t('catalogue.knowledge.location')} optional value={location} onChange={setLocation} error={fieldErrors.location} />
        </>
      )}
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{kind === 'event' ? t('catalogue.write.submitEvent') : t('catalogue.write.submitArticle')}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onCancel}>
          <span className="kern-label">{t('catalogue.edit.cancel')}</span>
        </button>
      </div>
    </form>
  );
}
