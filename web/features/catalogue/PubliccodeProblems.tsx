import { useTranslation } from 'react-i18next';
import type { PubliccodeProblem } from './catalogue-types';

/** "Zeile 7, Spalte 3 – legal.license: …": where a problem is, then what it is. */
export function problemText(t: (key: string, options?: Record<string, unknown>) => string, p: PubliccodeProblem): string {
  return t('catalogue.publiccode.problemAt', { line: p.line, column: p.column, key: p.key, message: p.message });
}

/** The validator's errors and warnings of a publiccode.yml; the messages are the validator's own (English). */
export function PubliccodeProblems({ errors, warnings, headingLevel = 3 }: { errors: PubliccodeProblem[]; warnings: PubliccodeProblem[]; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const list = (problems: PubliccodeProblem[]) => (
    <ul className="kern-list problem-list">
      {problems.map((p, i) => (
        <li key={`${p.line}:${p.column}:${p.key}:${i}`}>
          {t('catalogue.publiccode.lineColumn', { line: p.line, column: p.column })} – <code>{p.key}</code>: <span lang="en">{p.message}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      {errors.length > 0 && (
        <>
          <H className="kern-heading-small">{t('catalogue.publiccode.errors', { count: errors.length })}</H>
          {list(errors)}
        </>
      )}
      {warnings.length > 0 && (
        <>
          <H className="kern-heading-small">{t('catalogue.publiccode.warnings', { count: warnings.length })}</H>
          {list(warnings)}
        </>
      )}
    </>
  );
}
