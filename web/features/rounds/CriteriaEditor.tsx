import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, Fieldset, TextArea, TextField } from '../../components/fields';
import { emptyCriterion, weightTotal, type CriterionDraft } from './round-form-model';

interface Props {
  criteria: CriterionDraft[];
  onChange(criteria: CriterionDraft[]): void;
  errors: Record<string, string>;
  /** The message for the whole list (e.g. weights that do not add up to 100). */
  listError?: string;
  readOnly?: boolean;
}

/** Rows of criteria to add and remove, with the weight total kept in view as one types. */
export function CriteriaEditor({ criteria, onChange, errors, listError, readOnly }: Props) {
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  const total = weightTotal(criteria);

  const update = (index: number, patch: Partial<CriterionDraft>) => onChange(criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  const add = () => {
    const row = emptyCriterion(String(Math.max(0, 100 - total)));
    // Take over the group of the row above: criteria usually come in groups.
    row.groupName = criteria.at(-1)?.groupName ?? '';
    onChange([...criteria, row]);
    window.setTimeout(() => document.getElementById(fieldId(`criteria.${criteria.length}.name`))?.focus(), 0);
  };

  const remove = (index: number) => {
    onChange(criteria.filter((_, i) => i !== index));
    // Focus would otherwise fall back to the page start when the button disappears.
    window.setTimeout(() => {
      const previous = document.getElementById(fieldId(`criteria.${Math.max(0, index - 1)}.name`));
      (previous ?? addRef.current)?.focus();
    }, 0);
  };

  return (
    <Fieldset path="criteria" legend={t('criteria.legend')} hint={t('criteria.hint')} error={listError}>
      <ol className="criteria-list">
        {criteria.map((c, i) => {
          const p = (field: string) => `criteria.${i}.${field}`;
          const label = t('criteria.number', { n: i + 1 });
          return (
            <li key={c.key} className="criteria-row">
              <fieldset className="kern-fieldset criteria-row__fieldset" data-row-label={label}>
                <legend className="kern-label criteria-row__legend">{label}</legend>
                <div className="criteria-row__grid">
                  <TextField path={p('groupName')} label={t('criteria.group')} optional value={c.groupName} readOnly={readOnly} error={errors[p('groupName')]} onChange={(v) => update(i, { groupName: v })} />
                  <TextField path={p('name')} label={t('criteria.name')} value={c.name} readOnly={readOnly} error={errors[p('name')]} onChange={(v) => update(i, { name: v })} />
                  <TextField path={p('weight')} label={t('criteria.weightPercent')} inputMode="numeric" width="narrow" value={c.weight} readOnly={readOnly} error={errors[p('weight')]} onChange={(v) => update(i, { weight: v })} />
                  <TextField path={p('scaleMin')} label={t('criteria.scaleMin')} inputMode="numeric" width="narrow" value={c.scaleMin} readOnly={readOnly} error={errors[p('scaleMin')]} onChange={(v) => update(i, { scaleMin: v })} />
                  <TextField path={p('scaleMax')} label={t('criteria.scaleMax')} inputMode="numeric" width="narrow" value={c.scaleMax} readOnly={readOnly} error={errors[p('scaleMax')]} onChange={(v) => update(i, { scaleMax: v })} />
                </div>
                <TextArea path={p('description')} label={t('criteria.description')} optional rows={2} value={c.description} readOnly={readOnly} error={errors[p('description')]} onChange={(v) => update(i, { description: v })} />
                {!readOnly && (
                  <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => remove(i)}>
                    <span className="kern-icon kern-icon--delete" aria-hidden="true" />
                    <span className="kern-label">{t('criteria.remove', { label })}</span>
                  </button>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {/* The live region stays in place even when empty, so the first change is announced too. */}
      <p className={`weight-total${criteria.length === 0 ? ' weight-total--none' : total === 100 ? ' weight-total--ok' : ' weight-total--off'}`} aria-live="polite" id="weight-total">
        {criteria.length === 0 ? t('criteria.none') : t('criteria.total', { total })}
        {criteria.length > 0 && total !== 100 && <> – {t('criteria.totalMustBe100')}</>}
      </p>
      {!readOnly && (
        <button type="button" className="kern-btn kern-btn--secondary" onClick={add} ref={addRef}>
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t('criteria.add')}</span>
        </button>
      )}
    </Fieldset>
  );
}
