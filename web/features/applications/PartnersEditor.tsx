import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, Fieldset, TextField } from '../../components/fields';
import { newKey, type PartnerDraft } from './application-model';

interface Props {
  partners: PartnerDraft[];
  onChange(partners: PartnerDraft[]): void;
  errors: Record<string, string>;
  /** For a cooperation: its partner regions, to take over with one click. */
  suggestions: string[];
}

/** The project's partners (municipalities, firms, research), one name per line; add and remove freely. */
export function PartnersEditor({ partners, onChange, errors, suggestions }: Props) {
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  const missing = suggestions.filter((s) => !partners.some((p) => p.name.trim() === s));

  const focusRow = (index: number) => window.setTimeout(() => document.getElementById(fieldId(`partners.${index}`))?.focus(), 0);

  const add = () => {
    onChange([...partners, { key: newKey(), name: '' }]);
    focusRow(partners.length);
  };

  const takeOver = () => {
    const kept = partners.filter((p) => p.name.trim() !== '');
    onChange([...kept, ...missing.map((name) => ({ key: newKey(), name }))]);
    window.setTimeout(() => addRef.current?.focus(), 0);
  };

  const remove = (index: number) => {
    onChange(partners.filter((_, i) => i !== index));
    window.setTimeout(() => {
      const previous = index > 0 ? document.getElementById(fieldId(`partners.${index - 1}`)) : null;
      (previous ?? addRef.current)?.focus();
    }, 0);
  };

  return (
    <Fieldset path="partners" labelText={t('partners.title')} legend={<h2 className="kern-heading-medium legend-heading">{t('partners.title')}</h2>} hint={t('partners.hint')} error={errors.partners}>
      {partners.length === 0 && <p className="kern-body muted">{t('partners.none')}</p>}
      {partners.length > 0 && (
        <ol className="partner-rows">
          {partners.map((p, i) => (
            <li key={p.key} className="partner-row">
              <TextField
                path={`partners.${i}`}
                label={t('partners.nameN', { n: i + 1 })}
                value={p.name}
                error={errors[`partners.${i}`]}
                onChange={(v) => onChange(partners.map((x, j) => (j === i ? { ...x, name: v } : x)))}
              />
              <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => remove(i)}>
                <span className="kern-icon kern-icon--delete" aria-hidden="true" />
                <span className="kern-label">{t('partners.remove', { n: i + 1 })}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="button-row">
        <button type="button" className="kern-btn kern-btn--secondary" onClick={add} ref={addRef}>
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t('partners.add')}</span>
        </button>
        {missing.length > 0 && (
          <button type="button" className="kern-btn kern-btn--secondary" onClick={takeOver}>
            <span className="kern-label">{t('partners.takeOver', { count: missing.length })}</span>
          </button>
        )}
      </div>
    </Fieldset>
  );
}
