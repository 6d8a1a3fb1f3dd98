import { useEffect, useRef, useState, type ChangeEvent, type FormEvent, type MouseEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { catalogueApi, organisationsApi } from '../../api/endpoints';
import { Alert, ErrorSummary } from '../../components/alerts';
import { fieldId, RadioGroup, SelectField, TextArea, TextField } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import { Loading, Page } from '../../components/page';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';
import type { PubliccodeInput, PubliccodeProblem, SolutionDetail } from './catalogue-types';
import { CatalogueNav } from './CatalogueNav';
import { problemText, PubliccodeProblems } from './PubliccodeProblems';
import './catalogue.css';

type Source = 'paste' | 'upload' | 'repository';

interface Verdict {
  errors: PubliccodeProblem[];
  warnings: PubliccodeProblem[];
}

/** Puts the caret at the start of a line of the text field, so a problem's line is one click away. */
function focusLine(e: MouseEvent, line: number) {
  const el = document.getElementById(fieldId('publiccode')) as HTMLTextAreaElement | null;
  if (!el) return;
  e.preventDefault();
  const lines = el.value.split('\n');
  const start = lines.slice(0, Math.max(0, line - 1)).reduce((sum, l) => sum + l.length + 1, 0);
  el.focus();
  el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  el.scrollIntoView({ block: 'center' });
}

function PubliccodeSummary({ problems, innerRef }: { problems: PubliccodeProblem[]; innerRef: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  return (
    <Alert tone="danger" live="alert" title={t('catalogue.register.publiccodeInvalid', { count: problems.length })} ref={innerRef}>
      <ul className="kern-list">
        {problems.map((p, i) => (
          <li key={i}>
            <a className="kern-link" href={`#${fieldId('publiccode')}`} onClick={(e) => focusLine(e, p.line)}>
              {problemText(t, p)}
            </a>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function RegisterForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const orgs = useApi(() => organisationsApi.mine(), []);
  const [organisationId, setOrganisationId] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [repositoryUrl, setRepositoryUrl] = useState('');
  const [licence, setLicence] = useState('');
  const [source, setSource] = useState<Source>('paste');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [created, setCreated] = useState<SolutionDetail | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [busy, setBusy] = useState(false);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();
  const verdictRef = useRef<HTMLDivElement>(null);
  // Focus the findings once they are on screen, so they are announced and their links come next.
  useEffect(() => {
    if (verdict && verdict.errors.length > 0) verdictRef.current?.focus();
  }, [verdict]);

  if (orgs.loading) return <Loading />;
  const mine = (orgs.data ?? []).filter((o) => o.myRole !== null);
  if (mine.length === 0) {
    return (
      <p className="kern-body">
        {t('catalogue.register.noOrganisation')}{' '}
        <Link className="kern-link" to="/apply">
          {t('catalogue.adopt.registerOrganisation')}
        </Link>
      </p>
    );
  }
  const chosen = organisationId || mine[0]!.id;

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
  };

  const publiccodeInput = (): PubliccodeInput | null => {
    if (source === 'repository') return { source: 'repository' };
    return text.trim() ? { source, text } : null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setVerdict(null);
    const missing = (
      [
        ['name', name],
        ['description', description],
        ['repositoryUrl', repositoryUrl],
        ['licence', licence],
      ] as const
    ).filter(([, v]) => !v.trim());
    if (!created && missing.length > 0) {
      fail(localProblem(t('problems.VALIDATION_FAILED'), t('form.checkFields'), missing.map(([path]) => ({ path, message: t('catalogue.register.required') }))));
      return;
    }
    setBusy(true);
    try {
      const solution = created ?? (await catalogueApi.create({ organisationId: chosen, name: name.trim(), description: description.trim(), repositoryUrl: repositoryUrl.trim(), licence: licence.trim() }));
      setCreated(solution);
      const input = publiccodeInput();
      if (!input) {
        navigate(`/catalogue/solutions/${encodeURIComponent(solution.slug)}`);
        return;
      }
      // The server keeps an invalid file too, with its findings: they are shown at the text, to be fixed and sent again.
      const saved = await catalogueApi.publiccode(solution.id, input);
      setCreated(saved);
      if (saved.publiccode && !saved.publiccode.valid) {
        setVerdict({ errors: saved.publiccode.errors, warnings: saved.publiccode.warnings });
        return;
      }
      navigate(`/catalogue/solutions/${encodeURIComponent(saved.slug)}`);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const firstProblem = verdict && verdict.errors[0];
  return (
    <form className="app-form" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary error={error} ref={summaryRef} />
      {verdict && verdict.errors.length > 0 && <PubliccodeSummary problems={verdict.errors} innerRef={verdictRef} />}
      {created && (
        <Alert tone="info" title={t('catalogue.register.createdTitle', { name: created.name })}>
          <p className="kern-body">{t('catalogue.register.createdText')}</p>
          <p className="kern-body">
            <Link className="kern-link" to={`/catalogue/solutions/${encodeURIComponent(created.slug)}`}>
              {t('catalogue.register.openCreated', { name: created.name })}
            </Link>
          </p>
        </Alert>
      )}
      {mine.length > 1 ? (
        <SelectField path="organisationId" label={t('catalogue.register.organisation')} value={chosen} onChange={setOrganisationId} options={mine.map((o) => ({ value: o.id, label: o.displayName }))} disabled={!!created} />
      ) : (
        <p className="kern-body">
          {t('catalogue.register.organisation')}: <strong>{mine[0]!.displayName}</strong>
        </p>
      )}
      <TextField path="name" label={t('catalogue.register.name')} value={name} onChange={setName} error={fieldErrors.name} readOnly={!!created} />
      <TextArea path="description" label={t('catalogue.register.description')} hint={t('catalogue.register.descriptionHint')} rows={4} value={description} onChange={setDescription} error={fieldErrors.description} readOnly={!!created} />
      <TextField path="repositoryUrl" label={t('catalogue.register.repositoryUrl')} hint={t('catalogue.register.repositoryHint')} value={repositoryUrl} onChange={setRepositoryUrl} error={fieldErrors.repositoryUrl} readOnly={!!created} lang="en" />
      <TextField path="licence" label={t('catalogue.register.licence')} hint={t('catalogue.register.licenceHint')} value={licence} onChange={setLicence} error={fieldErrors.licence} readOnly={!!created} width="medium" />
      <RadioGroup
        path="source"
        legend={t('catalogue.register.source')}
        value={source}
        onChange={(v) => setSource(v as Source)}
        options={(['paste', 'upload', 'repository'] as const).map((s) => ({ value: s, label: t(`catalogue.register.sources.${s}`), hint: t(`catalogue.register.sourceHints.${s}`) }))}
      />
      {source === 'upload' && (
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="publiccode-file">
            {t('catalogue.register.file')}
          </label>
          <input id="publiccode-file" className="kern-form-input__input file-input" type="file" accept=".yml,.yaml,text/yaml" onChange={(e) => void readFile(e)} />
          {fileName && <p className="kern-body kern-body--small">{t('catalogue.register.fileRead', { name: fileName })}</p>}
        </div>
      )}
      {source !== 'repository' && (
        <div className="publiccode-text">
          <TextArea
            path="publiccode"
            label={t('catalogue.register.publiccode')}
            hint={t('catalogue.register.publiccodeHint')}
            optional
            rows={16}
            value={text}
            onChange={setText}
            error={firstProblem ? problemText(t, firstProblem) : fieldErrors.text}
          />
        </div>
      )}
      {verdict && verdict.warnings.length > 0 && <PubliccodeProblems errors={[]} warnings={verdict.warnings} />}
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{created ? t('catalogue.register.submitAgain') : t('catalogue.register.submit')}</span>
        </button>
      </div>
    </form>
  );
}

/** Members of an organisation register its software with its publiccode.yml; the validator's findings point at their lines. */
export function RegisterSolutionPage() {
  const { t } = useTranslation();
  return (
    <RequireArea>
      {() => (
        <Page title={t('catalogue.register.title')} lead={t('catalogue.register.lead')}>
          <CatalogueNav />
          <RegisterForm />
        </Page>
      )}
    </RequireArea>
  );
}
