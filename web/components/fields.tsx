import type { ChangeEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The id of the control for an API field path, so a problem's errors[].path finds its field. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

const plainLabel = (label: ReactNode) => (typeof label === 'string' ? label : undefined);

/**
 * The name of the field at an API path as people see it ("Kriterium 2, Gewicht in %"), read from
 * the form on screen, so an error summary can say which field each message is about.
 */
export function fieldLabel(path: string): string | undefined {
  const el = document.getElementById(fieldId(path));
  const label = el?.dataset.fieldLabel;
  if (!el || !label) return undefined;
  const group = el.parentElement?.closest('fieldset[data-row-label]')?.getAttribute('data-row-label');
  return group && group !== label ? `${group}, ${label}` : label;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p className="kern-error" id={id}>
      <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
      <span>{message}</span>
    </p>
  );
}

function Label({ htmlFor, label, optional }: { htmlFor: string; label: ReactNode; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <label className="kern-label" htmlFor={htmlFor}>
      {label}
      {optional && <span className="kern-label__optional"> – {t('form.optional')}</span>}
    </label>
  );
}

interface BaseProps {
  /** The API field path; also the source of the element id. */
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  className?: string;
}

interface TextFieldProps extends BaseProps {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'datetime-local' | 'search';
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email';
  autoComplete?: string;
  readOnly?: boolean;
  min?: number;
  max?: number;
  width?: 'narrow' | 'medium';
  lang?: string;
}

export function TextField(props: TextFieldProps) {
  const id = fieldId(props.path);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const widthClass = props.width === 'narrow' ? ' kern-form-input__input--width-4' : props.width === 'medium' ? ' field--medium' : '';
  return (
    <div className={`kern-form-input${props.error ? ' kern-form-input--error' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <Label htmlFor={id} label={props.label} optional={props.optional} />
      {props.hint && (
        <div className="kern-hint" id={hintId}>
          {props.hint}
        </div>
      )}
      <input
        id={id}
        name={props.path}
        className={`kern-form-input__input${props.error ? ' kern-form-input__input--error' : ''}${widthClass}`}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange(e.target.value)}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        readOnly={props.readOnly}
        required={!props.optional && !props.readOnly}
        min={props.min}
        max={props.max}
        lang={props.lang}
        data-field-label={plainLabel(props.label)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.hint !== undefined && hintId, props.error && errorId)}
      />
      <FieldError id={errorId} message={props.error} />
    </div>
  );
}

interface TextAreaProps extends BaseProps {
  value: string;
  onChange(value: string): void;
  rows?: number;
  readOnly?: boolean;
  /** A character count under the field ("120 von 3.000 Zeichen"), read with the field, not on every key. */
  counter?: { text: string; over: boolean };
}

export function TextArea(props: TextAreaProps) {
  const id = fieldId(props.path);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`kern-form-input${props.error ? ' kern-form-input--error' : ''}`}>
      <Label htmlFor={id} label={props.label} optional={props.optional} />
      {props.hint && (
        <div className="kern-hint" id={hintId}>
          {props.hint}
        </div>
      )}
      <textarea
        id={id}
        name={props.path}
        className={`kern-form-input__input${props.error ? ' kern-form-input__input--error' : ''}`}
        value={props.value}
        rows={props.rows ?? 4}
        onChange={(e) => props.onChange(e.target.value)}
        readOnly={props.readOnly}
        required={!props.optional && !props.readOnly}
        data-field-label={plainLabel(props.label)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.hint !== undefined && hintId, props.counter && `${id}-count`, props.error && errorId)}
      />
      {props.counter && (
        <p className={`kern-body kern-body--small char-count${props.counter.over ? ' char-count--over' : ''}`} id={`${id}-count`}>
          {props.counter.text}
        </p>
      )}
      <FieldError id={errorId} message={props.error} />
    </div>
  );
}

interface RadioGroupProps {
  path: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange(value: string): void;
  options: { value: string; label: ReactNode; hint?: ReactNode }[];
  horizontal?: boolean;
}

/** Radio buttons in a fieldset; the group's id is the path's, so an error summary can link to it. */
export function RadioGroup(props: RadioGroupProps) {
  const id = fieldId(props.path);
  return (
    <Fieldset path={props.path} legend={props.legend} hint={props.hint} error={props.error} horizontal={props.horizontal}>
      {props.options.map((o) => {
        const optionId = `${id}-${o.value}`;
        return (
          <div key={o.value} className={`kern-form-check${props.error ? ' kern-form-check--error' : ''}`}>
            <input
              className={`kern-form-check__radio${props.error ? ' kern-form-check__radio--error' : ''}`}
              type="radio"
              id={optionId}
              name={props.path}
              value={o.value}
              checked={props.value === o.value}
              onChange={() => props.onChange(o.value)}
              aria-describedby={o.hint ? `${optionId}-hint` : undefined}
            />
            <label className="kern-label" htmlFor={optionId}>
              {o.label}
            </label>
            {o.hint && (
              <div className="kern-hint radio-hint" id={`${optionId}-hint`}>
                {o.hint}
              </div>
            )}
          </div>
        );
      })}
    </Fieldset>
  );
}

interface SelectFieldProps extends BaseProps {
  value: string;
  onChange(value: string): void;
  options: { value: string; label: string }[];
  disabled?: boolean;
}

export function SelectField(props: SelectFieldProps) {
  const id = fieldId(props.path);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`kern-form-input${props.error ? ' kern-form-input--error' : ''}`}>
      <Label htmlFor={id} label={props.label} optional={props.optional} />
      {props.hint && (
        <div className="kern-hint" id={hintId}>
          {props.hint}
        </div>
      )}
      <div className="kern-form-input__select-wrapper">
        <select
          id={id}
          name={props.path}
          className={`kern-form-input__select${props.error ? ' kern-form-input__select--error' : ''}`}
          value={props.value}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.value)}
          data-field-label={plainLabel(props.label)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(props.hint !== undefined && hintId, props.error && errorId)}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <FieldError id={errorId} message={props.error} />
    </div>
  );
}

interface CheckboxProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  error?: boolean;
  describedBy?: string;
}

export function Checkbox(props: CheckboxProps) {
  return (
    <div className={`kern-form-check${props.error ? ' kern-form-check--error' : ''}`}>
      <input
        className={`kern-form-check__checkbox${props.error ? ' kern-form-check__checkbox--error' : ''}`}
        type="checkbox"
        id={props.id}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
        aria-describedby={props.describedBy}
      />
      <label className="kern-label" htmlFor={props.id}>
        {props.label}
      </label>
    </div>
  );
}

interface FieldsetProps {
  path: string;
  legend: ReactNode;
  /** The group's name as plain text, when the legend is markup (e.g. a heading). */
  labelText?: string;
  hint?: ReactNode;
  error?: string;
  horizontal?: boolean;
  children: ReactNode;
}

/** A group of checkboxes; its error sits on the fieldset and is read with the legend. */
export function Fieldset(props: FieldsetProps) {
  const id = fieldId(props.path);
  return (
    <fieldset
      className={`kern-fieldset${props.error ? ' kern-fieldset--error' : ''}`}
      id={id}
      tabIndex={-1}
      data-field-label={props.labelText ?? plainLabel(props.legend)}
      aria-describedby={describedBy(props.hint !== undefined && `${id}-hint`, props.error && `${id}-error`)}
    >
      <legend className="kern-label">{props.legend}</legend>
      {props.hint && (
        <div className="kern-hint" id={`${id}-hint`}>
          {props.hint}
        </div>
      )}
      <div className={`kern-fieldset__body${props.horizontal ? ' kern-fieldset__body--horizontal' : ''}`}>{props.children}</div>
      <FieldError id={`${id}-error`} message={props.error} />
    </fieldset>
  );
}
