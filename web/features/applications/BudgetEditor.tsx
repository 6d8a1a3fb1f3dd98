import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Round } from '../../api/types';
import { fieldId, Fieldset } from '../../components/fields';
import { useLang } from '../../i18n';
import { budgetYears, linesOfDraft, newBudgetRow, type BudgetRowDraft } from './application-model';
import { BudgetTotalsView } from './ApplicationContentView';

interface Props {
  rows: BudgetRowDraft[];
  onChange(rows: BudgetRowDraft[]): void;
  round: Round;
  errors: Record<string, string>;
}

function CellError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p className="kern-error budget-error" id={id}>
      <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
      <span>{message}</span>
    </p>
  );
}

/**
 * The budget plan: one row per year and cost category with its amount in euros. Each control is
 * named by its column and row ("Jahr, Zeile 2"), errors sit in the cell and are read with it.
 */
interface CellControl {
  id: string;
  error?: string;
  describedBy?: string;
}

/** One select in a budget row: labelled for screen readers, its error linked by aria-describedby. */
function CellSelect({ control, label, value, options, onChange }: { control: CellControl; label: string; value: string; options: string[]; onChange: (value: string) => void }) {
  return (
    <div className="kern-form-input__select-wrapper">
      <select
        id={control.id}
        className={`kern-form-input__select${control.error ? ' kern-form-input__select--error' : ''}`}
        aria-label={label}
        data-field-label={label}
        value={value}
        aria-invalid={control.error ? true : undefined}
        aria-describedby={control.describedBy}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </div>
  );
}

export function BudgetEditor({ rows, onChange, round, errors }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const addRef = useRef<HTMLButtonElement>(null);
  const years = budgetYears(round.year);
  const categories = round.costCategories;

  const update = (index: number, patch: Partial<BudgetRowDraft>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  const add = () => {
    onChange([...rows, newBudgetRow(rows, round)]);
    window.setTimeout(() => document.getElementById(fieldId(`budget.${rows.length}.amountCents`))?.focus(), 0);
  };

  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    // The button goes with its row: focus the row above, or the add button.
    window.setTimeout(() => {
      const previous = index > 0 ? document.getElementById(fieldId(`budget.${index - 1}.amountCents`)) : null;
      (previous ?? addRef.current)?.focus();
    }, 0);
  };

  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <Fieldset
      path="budget"
      labelText={t('budget.title')}
      legend={<h2 className="kern-heading-medium legend-heading">{t('budget.title')}</h2>}
      hint={t('budget.hint', { from: round.year, to: round.year + 8 })} error={errors.budget}>
      {rows.length === 0 ? (
        <p className="kern-body muted">{t('budget.none')}</p>
      ) : (
        <div className="kern-table-responsive table-wrap">
          <table className="kern-table budget-table">
            <caption className="kern-sr-only">{t('budget.lines')}</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('budget.row')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('budget.year')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('budget.category')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('budget.amountEuro')}
                </th>
                <th scope="col" className="kern-table__header">
                  <span className="kern-sr-only">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {rows.map((row, i) => {
                const p = (field: string) => `budget.${i}.${field}`;
                const rowLabel = t('budget.rowN', { n: i + 1 });
                const rowError = errors[`budget.${i}`];
                const rowErrorId = `${fieldId(`budget.${i}`)}-error`;
                const control = (field: 'year' | 'category' | 'amountCents') => {
                  const id = fieldId(p(field));
                  const error = errors[p(field)];
                  return { id, error, errorId: `${id}-error`, describedBy: describedBy(error && `${id}-error`, rowError && rowErrorId) };
                };
                const year = control('year');
                const category = control('category');
                const amount = control('amountCents');
                const yearOptions = years.includes(Number(row.year)) ? years : [Number(row.year), ...years];
                const categoryOptions = categories.includes(row.category) || !row.category ? categories : [row.category, ...categories];
                return (
                  <tr className={`kern-table__row${rowError ? ' budget-row--error' : ''}`} key={row.key} id={fieldId(`budget.${i}`)} tabIndex={-1}>
                    <th scope="row" className="kern-table__header">
                      {i + 1}
                      <CellError id={rowErrorId} message={rowError} />
                    </th>
                    <td className="kern-table__cell">
                      <CellSelect
                        control={year}
                        label={t('budget.yearOf', { row: rowLabel })}
                        value={row.year}
                        options={yearOptions.map(String)}
                        onChange={(value) => update(i, { year: value })}
                      />
                      <CellError id={year.errorId} message={year.error} />
                    </td>
                    <td className="kern-table__cell">
                      {categories.length > 0 ? (
                        <CellSelect
                          control={category}
                          label={t('budget.categoryOf', { row: rowLabel })}
                          value={row.category}
                          options={categoryOptions}
                          onChange={(value) => update(i, { category: value })}
                        />
                      ) : (
                        <input
                          id={category.id}
                          className={`kern-form-input__input${category.error ? ' kern-form-input__input--error' : ''}`}
                          aria-label={t('budget.categoryOf', { row: rowLabel })}
                          data-field-label={t('budget.categoryOf', { row: rowLabel })}
                          value={row.category}
                          aria-invalid={category.error ? true : undefined}
                          aria-describedby={category.describedBy}
                          onChange={(e) => update(i, { category: e.target.value })}
                        />
                      )}
                      <CellError id={category.errorId} message={category.error} />
                    </td>
                    <td className="kern-table__cell">
                      <input
                        id={amount.id}
                        className={`kern-form-input__input amount-input${amount.error ? ' kern-form-input__input--error' : ''}`}
                        inputMode="decimal"
                        autoComplete="off"
                        aria-label={t('budget.amountOf', { row: rowLabel })}
                        data-field-label={t('budget.amountOf', { row: rowLabel })}
                        value={row.amount}
                        aria-invalid={amount.error ? true : undefined}
                        aria-describedby={amount.describedBy}
                        onChange={(e) => update(i, { amount: e.target.value })}
                      />
                      <CellError id={amount.errorId} message={amount.error} />
                    </td>
                    <td className="kern-table__cell">
                      <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => remove(i)}>
                        <span className="kern-icon kern-icon--delete" aria-hidden="true" />
                        <span className="kern-label">{t('budget.remove', { row: rowLabel })}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" className="kern-btn kern-btn--secondary" onClick={add} ref={addRef}>
        <span className="kern-icon kern-icon--add" aria-hidden="true" />
        <span className="kern-label">{t('budget.add')}</span>
      </button>
      <BudgetTotalsView lines={linesOfDraft(rows, lang)} idPrefix="editor" />
    </Fieldset>
  );
}
