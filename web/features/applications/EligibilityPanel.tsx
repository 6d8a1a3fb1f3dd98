import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alerts';
import { fieldId } from '../../components/fields';
import { Section } from '../../components/page';

interface Props {
  problems: { path: string; message: string }[] | null;
}

/** Focuses a field of the form by its API path; budget rows and sections are fields too. */
export function focusField(event: MouseEvent, path: string): void {
  const el = document.getElementById(fieldId(path));
  if (!el) return;
  event.preventDefault();
  el.focus();
  el.scrollIntoView({ block: 'center' });
}

/** Problems about the content have a field on the page; those about the call or applicant do not. */
export const linkable = (path: string) => /^(title|acronym|summary|sections\.|budget|partners)/.test(path);

/**
 * What still stands between the saved draft and a submission, each with a link to its field.
 * Not a live region: it changes after every save and would talk over the person typing.
 */
export function EligibilityPanel({ problems }: Props) {
  const { t } = useTranslation();
  return (
    <Section title={t('eligibility.title')} id="eligibility">
      <p className="kern-body kern-body--small muted">{t('eligibility.lastSaved')}</p>
      {problems === null ? (
        <p className="kern-body muted">{t('common.loading')}</p>
      ) : problems.length === 0 ? (
        <Alert tone="success" title={t('eligibility.ready')} />
      ) : (
        <>
          <p className="kern-body">{t('eligibility.open', { count: problems.length })}</p>
          <ul className="kern-list kern-list--bullet eligibility-list">
            {problems.map((p, i) => (
              <li key={`${p.path}-${i}`}>
                {linkable(p.path) ? (
                  <a className="kern-link" href={`#${fieldId(p.path)}`} onClick={(e) => focusField(e, p.path)}>
                    {p.message}
                  </a>
                ) : (
                  p.message
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
