import { useTranslation } from 'react-i18next';
import { Checkbox, fieldId, Fieldset, TextArea, TextField } from '../../components/fields';
import { emptySection, sectionKeyFrom, type SectionDraft } from './round-form-model';

interface Props {
  sections: SectionDraft[];
  onChange(sections: SectionDraft[]): void;
  errors: Record<string, string>;
  readOnly?: boolean;
}

/** The sections of the application form that applicants fill in, each with its length limit. */
export function FormSectionsEditor({ sections, onChange, errors, readOnly }: Props) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<SectionDraft>) => onChange(sections.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  const add = () => {
    onChange([...sections, emptySection()]);
    window.setTimeout(() => document.getElementById(fieldId(`formSections.${sections.length}.title`))?.focus(), 0);
  };

  const remove = (index: number) => {
    onChange(sections.filter((_, i) => i !== index));
    window.setTimeout(() => {
      const target = document.getElementById(fieldId(`formSections.${Math.max(0, index - 1)}.title`)) ?? document.getElementById('add-section');
      target?.focus();
    }, 0);
  };

  return (
    <Fieldset path="formSections" legend={t('sections.legend')} hint={t('sections.hint')} error={errors.formSections}>
      {sections.length > 0 && (
        <ol className="criteria-list">
          {sections.map((s, i) => {
            const p = (field: string) => `formSections.${i}.${field}`;
            const label = t('sections.number', { n: i + 1 });
            return (
              <li key={s.rowKey} className="criteria-row">
                <fieldset className="kern-fieldset criteria-row__fieldset" data-row-label={label}>
                  <legend className="kern-label criteria-row__legend">{label}</legend>
                  <div className="form-grid">
                    <TextField
                      path={p('title')}
                      label={t('sections.title')}
                      value={s.title}
                      readOnly={readOnly}
                      error={errors[p('title')]}
                      onChange={(v) => update(i, { title: v, ...(s.keyEdited ? {} : { key: sectionKeyFrom(v) }) })}
                    />
                    <TextField
                      path={p('key')}
                      label={t('sections.key')}
                      hint={t('sections.keyHint')}
                      value={s.key}
                      readOnly={readOnly}
                      error={errors[p('key')]}
                      onChange={(v) => update(i, { key: v, keyEdited: true })}
                    />
                    <TextField
                      path={p('maxLength')}
                      label={t('sections.maxLength')}
                      inputMode="numeric"
                      width="narrow"
                      value={s.maxLength}
                      readOnly={readOnly}
                      error={errors[p('maxLength')]}
                      onChange={(v) => update(i, { maxLength: v })}
                    />
                  </div>
                  <TextArea
                    path={p('description')}
                    label={t('sections.description')}
                    optional
                    rows={2}
                    value={s.description}
                    readOnly={readOnly}
                    error={errors[p('description')]}
                    onChange={(v) => update(i, { description: v })}
                  />
                  <Checkbox id={fieldId(p('required'))} label={t('sections.required')} checked={s.required} disabled={readOnly} onChange={(v) => update(i, { required: v })} />
                  {!readOnly && (
                    <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => remove(i)}>
                      <span className="kern-icon kern-icon--delete" aria-hidden="true" />
                      <span className="kern-label">{t('sections.remove', { label })}</span>
                    </button>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
      {sections.length === 0 && <p className="kern-body">{t('sections.none')}</p>}
      {!readOnly && (
        <button type="button" id="add-section" className="kern-btn kern-btn--secondary" onClick={add}>
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t('sections.add')}</span>
        </button>
      )}
    </Fieldset>
  );
}
