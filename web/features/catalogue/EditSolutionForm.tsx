import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogueApi } from '../../api/endpoints';
import { Alert, ErrorSummary } from '../../components/alerts';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import { ApiError } from '../../api/client';
import type { SolutionDetail, SolutionUpdate } from './catalogue-types';

/** publiccode.yml's developmentStatus and softwareType values, the catalogue's facets. */
const maturities = ['concept', 'development', 'beta', 'stable', 'obsolete'] as const;
const softwareTypes = ['standalone/web', 'standalone/mobile', 'standalone/desktop', 'standalone/backend', 'standalone/iot', 'standalone/other', 'addon', 'library', 'configurationFiles'] as const;

/** "a, b ,, c" → ["a", "b", "c"]: categories are typed as publiccode.yml's identifiers, comma-separated. */
export function categoriesOf(text: string): string[] {
  return [...new Set(text.split(',').map((c) => c.trim()).filter(Boolean))];
}

/**
 * The solution's description as its organisation (or the programme office) corrects it. Only the
 * fields that differ are sent, with the updatedAt read, so an edit made elsewhere meanwhile is
 * refused instead of overwritten.
 */
export function EditSolutionForm({ solution, onSaved, onCancel }: { solution: SolutionDetail; onSaved(next: SolutionDetail): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(solution.name);
  const [description, setDescription] = useState(solution.description);
  const [longDescription, setLongDescription] = useState(solution.longDescription);
  const [repositoryUrl, setRepositoryUrl] = useState(solution.repositoryUrl);
  const [licence, setLicence] = useState(solution.licence);
  const [categories, setCategories] = useState(solution.categories.join(', '));
  const [maturity, setMaturity] = useState(solution.maturity ?? '');
  const [softwareType, setSoftwareType] = useState(solution.softwareType ?? '');
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setStale(false);
    const missing = (
      [
        ['name', name],
        ['description', description],
        ['repositoryUrl', repositoryUrl],
        ['licence', licence],
      ] as const
    ).filter(([, v]) => !v.trim());
    if (missing.length > 0) {
      fail(localProblem(t('problems.VALIDATION_FAILED'), t('form.checkFields'), missing.map(([path]) => ({ path, message: t('catalogue.register.required') }))));
      return;
    }
    const input: SolutionUpdate = { updatedAt: solution.updatedAt };
    if (name.trim() !== solution.name) input.name = name.trim();
    if (description.trim() !== solution.description) input.description = description.trim();
    if (longDescription !== solution.longDescription) input.longDescription = longDescription;
    if (repositoryUrl.trim() !== solution.repositoryUrl) input.repositoryUrl = repositoryUrl.trim();
    if (licence.trim() !== solution.licence) input.licence = licence.trim();
    const cats = categoriesOf(categories);
    if (cats.join(',') !== solution.categories.join(',')) input.categories = cats;
    if (maturity !== (solution.maturity ?? '')) input.maturity = maturity || null;
    if (softwareType !== (solution.softwareType ?? '')) input.softwareType = softwareType || null;
    setBusy(true);
    try {
      onSaved(await catalogueApi.update(solution.id, input));
    } catch (err) {
      if (err instanceof ApiError && err.problem.code === 'STALE_VERSION') setStale(true);
      else fail(err);
    } finally {
      setBusy(false);
    }
  };

  const optionsOf = (group: 'maturity' | 'softwareType', values: readonly string[], current: string | null) => [
    { value: '', label: t('catalogue.edit.notGiven') },
    ...[...values, ...(current && !values.includes(current) ? [current] : [])].map((v) => ({ value: v, label: t(`catalogue.${group}.${v}`, { defaultValue: v }) })),
  ];

  return (
    <form className="app-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="edit-heading">
      <h2 className="kern-heading-medium" id="edit-heading">
        {t('catalogue.edit.title')}
      </h2>
      <ErrorSummary error={error} ref={summaryRef} />
      {stale && (
        <Alert tone="warning" live="alert" title={t('catalogue.edit.staleTitle')}>
          <p className="kern-body">{t('catalogue.edit.staleText')}</p>
        </Alert>
      )}
      <TextField path="name" label={t('catalogue.register.name')} value={name} onChange={setName} error={fieldErrors.name} />
      <TextArea path="description" label={t('catalogue.register.description')} hint={t('catalogue.register.descriptionHint')} rows={3} value={description} onChange={setDescription} error={fieldErrors.description} />
      <TextArea path="longDescription" label={t('catalogue.edit.longDescription')} optional rows={6} value={longDescription} onChange={setLongDescription} error={fieldErrors.longDescription} />
      <TextField path="repositoryUrl" label={t('catalogue.register.repositoryUrl')} hint={t('catalogue.register.repositoryHint')} value={repositoryUrl} onChange={setRepositoryUrl} error={fieldErrors.repositoryUrl} lang="en" />
      <TextField path="licence" label={t('catalogue.register.licence')} hint={t('catalogue.register.licenceHint')} value={licence} onChange={setLicence} error={fieldErrors.licence} width="medium" />
      <TextField path="categories" label={t('catalogue.edit.categories')} hint={t('catalogue.edit.categoriesHint')} optional value={categories} onChange={setCategories} error={fieldErrors.categories} lang="en" />
      <SelectField path="maturity" label={t('catalogue.solution.maturity')} value={maturity} onChange={setMaturity} error={fieldErrors.maturity} options={optionsOf('maturity', maturities, solution.maturity)} />
      <SelectField
        path="softwareType"
        label={t('catalogue.solution.softwareType')}
        value={softwareType}
        onChange={setSoftwareType}
        error={fieldErrors.softwareType}
        options={optionsOf('softwareType', softwareTypes, solution.softwareType)}
      />
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{t('catalogue.edit.submit')}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onCancel}>
          <span className="kern-label">{t('catalogue.edit.cancel')}</span>
        </button>
      </div>
    </form>
  );
}
