import { forwardRef, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fieldId, fieldLabel } from './fields';

type Tone = 'info' | 'success' | 'warning' | 'danger';

interface AlertProps {
  tone: Tone;
  title: ReactNode;
  children?: ReactNode;
  /** 'alert' interrupts the screen reader; 'status' waits politely; none for static notes. */
  live?: 'alert' | 'status';
  id?: string;
}

export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert({ tone, title, children, live, id }, ref) {
  return (
    <div className={`kern-alert kern-alert--${tone} app-alert`} role={live} tabIndex={-1} ref={ref} id={id}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${tone}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      {children && <div className="kern-alert__body">{children}</div>}
    </div>
  );
});

/** A calm note about what a page will offer later, or other context that needs no action. */
export function Notice({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <Alert tone="info" title={title}>
      {children}
    </Alert>
  );
}

/** The localised title for a problem code, falling back to the server's own title. */
export function useProblemTitle() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) return t(`problems.${error.code}`, { defaultValue: error.problem.title });
    return t('problems.UNKNOWN');
  };
}

interface ErrorSummaryProps {
  error: unknown;
  /** Localised messages that replace the server's, by field path. */
  messages?: Record<string, string>;
  /** Paths that have a field on the form; errors elsewhere are listed without a link. */
  knownPaths?: (path: string) => boolean;
}

/**
 * The summary at the top of a form after a failed save: what went wrong, and a link to each
 * field in question (the pattern of GOV.UK and KERN), so keyboard users get there directly.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, ErrorSummaryProps>(function ErrorSummary({ error, messages = {}, knownPaths }, ref) {
  const problemTitle = useProblemTitle();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const fields = api?.problem.errors ?? [];
  return (
    <Alert tone="danger" title={problemTitle(error)} live="alert" ref={ref}>
      {/* The server explains in English; the language is marked for screen readers (WCAG 3.1.2). */}
      {api?.problem.detail && (
        <p className="kern-body" lang="en">
          {api.problem.detail}
        </p>
      )}
      {!api && <p className="kern-body">{String((error as Error)?.message ?? error)}</p>}
      {fields.length > 0 && (
        <ul className="kern-list">
          {fields.map((f) => {
            const message = messages[f.path] ?? f.message;
            const label = fieldLabel(f.path);
            const text = label ? `${label}: ${message}` : message;
            const linkable = knownPaths ? knownPaths(f.path) : document.getElementById(fieldId(f.path)) !== null;
            return (
              <li key={f.path}>
                {linkable ? (
                  <a className="kern-link" href={`#${fieldId(f.path)}`} onClick={(e) => focusField(e, f.path)}>
                    {text}
                  </a>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Alert>
  );
});

function focusField(event: MouseEvent, path: string) {
  const el = document.getElementById(fieldId(path));
  if (!el) return;
  event.preventDefault();
  el.focus();
  el.scrollIntoView({ block: 'center' });
}
