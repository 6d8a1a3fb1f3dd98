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
}

/**
 * An editable combobox with a list popup (WAI-ARIA APG "combobox with listbox popup", list
 * autocomplete): typing searches the register, Down/Up move through the suggestions while focus
 * stays in the field (aria-activedescendant), Enter takes one, Escape closes the list and a
 * second Escape clears the field.
 */
export function RegionCombobox({ label, hint, onSelect, level }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Region[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState(false);
  const skipSearch = useRef(false);

  useEffect(() => {
    if (skipSearch.current) {
      skipSearch.current = false;
      return;
    }
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
        (found) => {
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
    skipSearch.current = true;
    setText(region.name);
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
    <div className={`kern-form-input combobox${failed ? ' kern-form-input--error' : ''}`}>
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
          className="kern-form-input__input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={hint ? hintId : undefined}
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
      <div className="kern-sr-only" role="status" aria-live="polite">
        {status}
      </div>
    </div>
  );
}
