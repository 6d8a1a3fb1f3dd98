import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogueApi } from '../../api/endpoints';
import type { OrganisationListItem } from '../../api/types';
import { Alert, ErrorSummary } from '../../components/alerts';
import { fieldId } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import type { KnowledgeDetail } from './catalogue-types';

interface Picked {
  id: string;
  displayName: string;
}

/**
 * An editable combobox (WAI-ARIA APG, list autocomplete, as RegionCombobox): typing searches the
 * organisations by name, Down/Up move through the suggestions with focus kept in the field,
 * Enter takes one, Escape closes the list.
 */
function OrganisationPicker({ label, hint, exclude, onSelect }: { label: string; hint: string; exclude: readonly string[]; onSelect(o: Picked): void }) {
  const { t } = useTranslation();
  const id = useId();
  // The error summary links to the field by this id.
  const inputId = fieldId('organisationIds');
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState('');
  const [options, setOptions] = useState<OrganisationListItem[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const excludeRef = useRef(exclude);
  excludeRef.current = exclude;

  useEffect(() => {
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
      catalogueApi.searchOrganisations(q, controller.signal).then(
        (all) => {
          const found = all.filter((o) => !excludeRef.current.includes(o.id));
          setOptions(found);
          setOpen(true);
          setActive(-1);
          setStatus(found.length === 0 ? t('catalogue.attendance.noMatches') : t('catalogue.attendance.matches', { count: found.length }));
        },
        (error: unknown) => {
          if ((error as Error).name === 'AbortError') return;
          setOptions([]);
          setOpen(false);
          setStatus(t('catalogue.attendance.searchFailed'));
        },
      );
    }, 200);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text, t]);

  const choose = (o: OrganisationListItem) => {
    setText('');
    setOptions([]);
    setOpen(false);
    setActive(-1);
    setStatus(t('catalogue.attendance.added', { name: o.displayName }));
    onSelect({ id: o.id, displayName: o.displayName });
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
        // Enter in the field picks a suggestion; it never submits the form half-filled.
        e.preventDefault();
        if (open && active >= 0 && options[active]) choose(options[active]);
        break;
      case 'Escape':
        e.preventDefault();
        if (open) setOpen(false);
        else setText('');
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  const expanded = open && options.length > 0;
  const optionId = (i: number) => `${id}-opt-${i}`;
  return (
    <div className="kern-form-input combobox">
      <label className="kern-label" htmlFor={inputId}>
        {label}
      </label>
      <div className="kern-hint" id={hintId}>
        {hint}
      </div>
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
          aria-describedby={hintId}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => options.length > 0 && setOpen(true)}
        />
        <ul id={listId} role="listbox" aria-label={label} className="combobox__list" hidden={!expanded}>
          {options.map((o, i) => (
            <li
              key={o.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={`combobox__option${i === active ? ' combobox__option--active' : ''}`}
              // mousedown, not click: the field must keep focus, or blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
              onMouseMove={() => setActive(i)}
            >
              <span className="combobox__name">{o.displayName}</span>
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

/** The programme office records which organisations took part in an exchange event. */
export function AttendanceForm({ event, onRecorded }: { event: KnowledgeDetail; onRecorded(next: KnowledgeDetail): void }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Picked[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { error, fail, clear, summaryRef } = useFormErrors();
  const recorded = event.attendance.map((a) => a.organisationId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setDone(null);
    if (picked.length === 0) {
      fail(localProblem(t('problems.VALIDATION_FAILED'), t('form.checkFields'), [{ path: 'organisationIds', message: t('catalogue.attendance.noneChosen') }]));
      return;
    }
    setBusy(true);
    try {
      const next = await catalogueApi.recordAttendance(event.id, picked.map((p) => p.id));
      setDone(t('catalogue.attendance.recorded', { count: picked.length }));
      setPicked([]);
      onRecorded(next);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="app-form narrow-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="attendance-heading">
      <h3 className="kern-heading-small" id="attendance-heading">
        {t('catalogue.attendance.title')}
      </h3>
      <ErrorSummary error={error} ref={summaryRef} />
      {done && <Alert tone="success" live="status" title={done} />}
      <OrganisationPicker
        label={t('catalogue.attendance.search')}
        hint={t('catalogue.attendance.searchHint')}
        exclude={[...recorded, ...picked.map((p) => p.id)]}
        onSelect={(o) => setPicked((list) => [...list, o])}
      />
      {picked.length > 0 && (
        <ul className="kern-list" aria-label={t('catalogue.attendance.chosen')}>
          {picked.map((p) => (
            <li key={p.id}>
              {p.displayName}{' '}
              <button type="button" className="kern-btn kern-btn--tertiary kern-btn--small" onClick={() => setPicked((list) => list.filter((x) => x.id !== p.id))}>
                <span className="kern-label">{t('catalogue.attendance.remove', { name: p.displayName })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{t('catalogue.attendance.submit', { count: picked.length })}</span>
        </button>
      </div>
    </form>
  );
}
