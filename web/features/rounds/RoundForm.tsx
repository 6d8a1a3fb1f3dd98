import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { applicantKinds, type ApplicantKind } from '../../api/types';
import { ErrorSummary } from '../../components/alerts';
import { Checkbox, Fieldset, TextArea, TextField } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import { CriteriaEditor } from './CriteriaEditor';
import { FormSectionsEditor } from './FormSectionsEditor';
import { weightTotal, type FormatProblem, type RoundDraft } from './round-form-model';

interface Props {
  initial: RoundDraft;
  mode: 'create' | 'edit';
  /** Once a round has opened only its texts can change. */
  textsOnly?: boolean;
  submitLabel: string;
  /** Converts and sends; returns the format problems it found instead of sending. */
  onSubmit(draft: RoundDraft): Promise<FormatProblem[]>;
  onCancel(): void;
}

export function RoundForm({ initial, mode, textsOnly = false, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();
  const set = <K extends keyof RoundDraft>(key: K, value: RoundDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const structureLocked = textsOnly;

  // The server's message for the weights is English and names its own sum; say it in the UI language.
  const total = weightTotal(draft.criteria);
  const messages: Record<string, string> = {};
  if (fieldErrors.criteria && total !== 100) messages.criteria = t('criteria.totalError', { total });
  const err = (path: string) => messages[path] ?? fieldErrors[path];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    clear();
    try {
      const problems = await onSubmit(draft);
      if (problems.length > 0) {
        fail(
          localProblem(
            t('problems.VALIDATION_FAILED'),
            t('form.checkFields'),
            problems.map((p) => ({ path: p.path, message: t(`form.format.${p.kind}`) })),
          ),
        );
      }
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const toggleKind = (kind: ApplicantKind, on: boolean) =>
    set('eligibleKinds', on ? applicantKinds.filter((k) => k === kind || draft.eligibleKinds.includes(k)) : draft.eligibleKinds.filter((k) => k !== kind));

  return (
    <form onSubmit={submit} noValidate className="app-form">
      <ErrorSummary error={error} messages={messages} ref={summaryRef} />
      {structureLocked && (
        <p className="kern-body kern-body--muted">{t('roundForm.textsOnly')}</p>
      )}
      <h2 className="kern-heading-small form-subheading">{t('roundForm.basics')}</h2>
      <div className="form-grid">
        <TextField path="name" label={t('roundForm.name')} hint={t('roundForm.nameHint')} value={draft.name} error={err('name')} onChange={(v) => set('name', v)} />
        <TextField
          path="slug"
          label={t('roundForm.slug')}
          hint={t('roundForm.slugHint')}
          value={draft.slug}
          readOnly={mode === 'edit'}
          error={err('slug')}
          onChange={(v) => set('slug', v)}
          width="medium"
        />
        <TextField path="year" label={t('roundForm.year')} inputMode="numeric" width="narrow" value={draft.year} readOnly={mode === 'edit'} error={err('year')} onChange={(v) => set('year', v)} />
      </div>
      <TextField path="motto" label={t('roundForm.motto')} optional value={draft.motto} error={err('motto')} onChange={(v) => set('motto', v)} />
      <TextArea path="callText" label={t('roundForm.callText')} hint={t('roundForm.callTextHint')} optional rows={6} value={draft.callText} error={err('callText')} onChange={(v) => set('callText', v)} />
      <div className="form-grid">
        <TextField
          path="opensAt"
          type="datetime-local"
          label={t('roundForm.opensAt')}
          hint={t('roundForm.berlinHint')}
          value={draft.opensAt}
          readOnly={structureLocked}
          error={err('opensAt')}
          onChange={(v) => set('opensAt', v)}
        />
        <TextField
          path="closesAt"
          type="datetime-local"
          label={t('roundForm.closesAt')}
          hint={t('roundForm.berlinHint')}
          value={draft.closesAt}
          readOnly={structureLocked}
          error={err('closesAt')}
          onChange={(v) => set('closesAt', v)}
        />
      </div>
      <div className="form-grid">
        <TextField
          path="envelopeCents"
          label={t('roundForm.envelope')}
          hint={t('roundForm.envelopeHint')}
          inputMode="decimal"
          value={draft.envelope}
          readOnly={structureLocked}
          error={err('envelopeCents')}
          onChange={(v) => set('envelope', v)}
          width="medium"
        />
        <TextField
          path="reviewersPerApplication"
          label={t('roundForm.reviewersPerApplication')}
          inputMode="numeric"
          width="narrow"
          value={draft.reviewersPerApplication}
          readOnly={structureLocked}
          error={err('reviewersPerApplication')}
          onChange={(v) => set('reviewersPerApplication', v)}
        />
        <TextField
          path="jurySize"
          label={t('roundForm.jurySize')}
          inputMode="numeric"
          width="narrow"
          value={draft.jurySize}
          readOnly={structureLocked}
          error={err('jurySize')}
          onChange={(v) => set('jurySize', v)}
        />
      </div>
      <Fieldset path="eligibleKinds" legend={t('roundForm.eligibleKinds')} error={err('eligibleKinds')} horizontal>
        {applicantKinds.map((k) => (
          <Checkbox
            key={k}
            id={`kind-${k}`}
            label={t(`kinds.${k}`)}
            checked={draft.eligibleKinds.includes(k)}
            disabled={structureLocked}
            error={Boolean(err('eligibleKinds'))}
            onChange={(on) => toggleKind(k, on)}
          />
        ))}
      </Fieldset>
      <h2 className="kern-heading-small form-subheading">{t('roundForm.assessment')}</h2>
      <CriteriaEditor
        criteria={draft.criteria}
        onChange={(c) => set('criteria', c)}
        errors={fieldErrors}
        listError={err('criteria')}
        readOnly={structureLocked}
      />
      <h2 className="kern-heading-small form-subheading">{t('roundForm.applicationForm')}</h2>
      <div className="form-grid">
        <TextField
          path="maxRequestCents"
          label={t('roundForm.maxRequest')}
          hint={t('roundForm.maxRequestHint')}
          optional
          inputMode="decimal"
          value={draft.maxRequest}
          readOnly={structureLocked}
          error={err('maxRequestCents')}
          onChange={(v) => set('maxRequest', v)}
          width="medium"
        />
      </div>
      <TextArea
        path="costCategories"
        label={t('roundForm.costCategories')}
        hint={t('roundForm.costCategoriesHint')}
        optional
        rows={4}
        value={draft.costCategories}
        readOnly={structureLocked}
        error={err('costCategories') ?? Object.entries(fieldErrors).find(([k]) => k.startsWith('costCategories.'))?.[1]}
        onChange={(v) => set('costCategories', v)}
      />
      <FormSectionsEditor sections={draft.formSections} onChange={(s) => set('formSections', s)} errors={fieldErrors} readOnly={structureLocked} />
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{submitLabel}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onCancel}>
          <span className="kern-label">{t('form.cancel')}</span>
        </button>
      </div>
    </form>
  );
}
