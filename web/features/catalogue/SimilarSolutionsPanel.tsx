import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { catalogueApi } from '../../api/endpoints';
import type { SimilarSolution } from './catalogue-types';
import './catalogue.css';

/** How long the panel waits after typing stops before it asks; drafts change on every key. */
export const SIMILAR_DELAY_MS = 1200;
/** Below this much text a match says little. */
const MIN_CHARS = 40;

/**
 * "Reuse first": beside a draft application, catalogue solutions like what the draft describes,
 * each with the words it shares with the draft. It never interrupts: updates are announced
 * politely and only when the list changes.
 */
export function SimilarSolutionsPanel({ text }: { text: string }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<SimilarSolution[] | null>(null);
  const trimmed = text.trim();

  useEffect(() => {
    if (trimmed.length < MIN_CHARS) {
      setItems(null);
      return;
    }
    let current = true;
    const handle = window.setTimeout(() => {
      catalogueApi.similar(trimmed).then(
        (found) => {
          if (current) setItems((old) => (JSON.stringify(old?.map((s) => [s.id, s.matchedTerms])) === JSON.stringify(found.map((s) => [s.id, s.matchedTerms])) ? old : found));
        },
        // The hint is a help, not part of the application: a failure leaves the last list.
        () => undefined,
      );
    }, SIMILAR_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(handle);
    };
  }, [trimmed]);

  return (
    <aside className="similar-panel" aria-labelledby="similar-heading">
      <h2 className="kern-heading-small" id="similar-heading">
        {t('catalogue.similar.title')}
      </h2>
      <p className="kern-body kern-body--small">{t('catalogue.similar.lead')}</p>
      <div aria-live="polite">
        {items === null ? (
          <p className="kern-body kern-body--small">{t('catalogue.similar.waiting')}</p>
        ) : items.length === 0 ? (
          <p className="kern-body kern-body--small">{t('catalogue.similar.none')}</p>
        ) : (
          <ul className="similar-list">
            {items.slice(0, 5).map((s) => (
              <li key={s.id}>
                <p className="kern-body">
                  <Link className="kern-link" to={`/catalogue/solutions/${encodeURIComponent(s.slug)}`} target="_blank" rel="noopener">
                    {s.name}
                    <span className="kern-sr-only"> {t('catalogue.similar.newTab')}</span>
                  </Link>{' '}
                  – {s.organisationName}
                </p>
                <p className="kern-body kern-body--small">{s.description}</p>
                {s.matchedTerms.length > 0 && (
                  <p className="kern-body kern-body--small">
                    {t('catalogue.similar.why')} {s.matchedTerms.slice(0, 8).map((term, i) => (
                      <span key={term}>
                        {i > 0 && ', '}
                        <mark>{term}</mark>
                      </span>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </aside>
  );
}
