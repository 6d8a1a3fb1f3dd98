import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  busy?: boolean;
}

/**
 * A modal question before a step that cannot simply be undone. The native <dialog> keeps focus
 * inside, closes with Escape and hands focus back to the button that opened it; focus starts on
 * "Cancel", so a hasty Enter changes nothing.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel, busy }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="kern-dialog app-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <header className="kern-dialog__header">
        <h2 className="kern-title kern-title--large" id={titleId}>
          {title}
        </h2>
      </header>
      <div className="kern-dialog__body">{children}</div>
      <footer className="kern-dialog__footer">
        <button type="button" className="kern-btn kern-btn--secondary" ref={cancelRef} onClick={onCancel} disabled={busy}>
          <span className="kern-label">{t('form.cancel')}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--primary" onClick={onConfirm} disabled={busy}>
          <span className="kern-label">{confirmLabel}</span>
        </button>
      </footer>
    </dialog>
  );
}
