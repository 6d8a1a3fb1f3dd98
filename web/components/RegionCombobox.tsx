import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { regionsApi } from '../api/endpoints';
import type { Region } from '../api/types';
import { useLang } from '../i18n';
import { formatNumber } from '../lib/format';

interface Props {
  label: string;
  hint?: string;
  onSelect(region: Region): void;
  level?: 'gemeinde' | 'kreis' | 'land';
  /** The input's id, e.g. fieldId('leadRegion'), so an error summary can link to it. */
  id?: string;
  error?: string;
  /** Empty the field after a choice, for adding several regions one after another. */
  clearOnSelect?: boolean;
  /** Suggestions to leave out, e.g. regions chosen already (by ARS). */
  exclude?: readonly string[];
}

/**
 * An editable combobox with a list popup (WAI-ARIA APG "combobox with listbox popup", list
 * autocomplete): typing searches the register, Down/Up move through the suggestions while focus
 * stays in the field (aria-activedescendant), Enter takes one, Escape closes the list and a
 * second Escape clears the field.
 */
export function RegionCombobox({ label, hint, onSelect, level, id: givenId, error, clearOnSelect, exclude }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const inputId = givenId ?? `${id}-input`;
  const errorId = `${inputId}-error`;
  const excludeRef = useRef(exclude);
  excludeRef.current = exclude;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Region[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState(false);
  // The text a choice put into the field: it needs no search of its own.
  const skipSearch = useRef<string | null>(null);

  useEffect(() => {
    if (skipSearch.current === text) {
      skipSearch.current = null;
      return;
    }
    skipSearch.current = null;
    const q = text.trim();
    if (q.length < 2) {
      setOptions([]);
      setOpen(false);
      setStatus('');
      return;
    }
    const controller = new AbortController();
    // Wait for a pause in typing, so each keystroke does not cost a request.
    const timer = window.setTimeout(() => {
      regionsApi.search(q, controller.signal, level).then(
        (all) => {
          const found = all.filter((r) => !excludeRef.current?.includes(r.ars));
          setFailed(false);
          setOptions(found);
          setOpen(true);
          setActive(-1);
          setStatus(found.length === 0 ? t('regions.noMatches') : t('regions.matches', { count: found.length }));
        },
        (error: unknown) => {
          if ((error as Error).name === 'AbortError') return;
          setFailed(true);
          setOptions([]);
          setOpen(false);
          setStatus(t('regions.searchFailed'));
        },
      );
    }, 200);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text, level, t]);

  const choose = (region: Region) => {
    const next = clearOnSelect ? '' : region.name;
    skipSearch.current = next;
    setText(next);
    setOptions([]);
    setOpen(false);
    setActive(-1);
    setStatus(t('regions.selected', { name: region.name }));
    onSelect(region);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open && options.length > 0) setOpen(true);
        setActive((a) => (options.length === 0 ? -1 : (a + 1) % options.length));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open && options.length > 0) setOpen(true);
        setActive((a) => (options.length === 0 ? -1 : a <= 0 ? options.length - 1 : a - 1));
        break;
      case 'Enter':
        if (open && active >= 0 && options[active]) {
          e.preventDefault();
          choose(options[active]);
        }
        break;
      case 'Escape':
        e.preventDefault();
        if (open) {
          setOpen(false);
          setActive(-1);
        } else {
          setText('');
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  const expanded = open && options.length > 0;
  const optionId = (i: number) => `${id}-opt-${i}`;
  return (
    <div className={`kern-form-input combobox${failed || error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={inputId}>
        {label}
      </label>
      {hint && (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      )}
      <div className="combobox__wrap">
        <input
          id={inputId}
          className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
          type="text"
          role="combobox"
          data-field-label={label}
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={[hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined}
          aria-invalid={error ? true : undefined}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => options.length > 0 && text.trim().length >= 2 && setOpen(true)}
        />
        <ul id={listId} role="listbox" aria-label={label} className="combobox__list" hidden={!expanded}>
          {options.map((r, i) => (
            <li
              key={r.ars}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={`combobox__option${i === active ? ' combobox__option--active' : ''}`}
              // mousedown, not click: the field must keep focus, or blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(r);
              }}
              onMouseMove={() => setActive(i)}
            >
              <span className="combobox__name">{r.name}</span>
              <span className="combobox__meta">
                {[r.kind, r.kreisName, r.landName].filter(Boolean).join(' · ')}
                {r.population != null && ` · ${t('regions.inhabitants', { count: r.population, formatted: formatNumber(r.population, lang) })}`}
                {` · AGS ${r.ags}`}
              </span>
            </li>
          ))}
        </ul>
      </div>
      {error && (
        <p className="kern-error" id={errorId}>
          <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
          <span>{error}</span>
        </p>
      )}
      <div className="kern-sr-only" role="status" aria-live="polite">
        {status}
      </div>
    </div>
  );
}
