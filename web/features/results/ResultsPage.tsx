import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { Alert } from '../../components/alerts';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatDateTime, formatMoney, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { resultsApi, type ReceiptCheck } from './results-api';

/**
 * A round's published results, public: single municipalities, then cooperations and districts,
 * alphabetical as published, with counts and funding; each decision's receipt can be checked
 * against the chain head pinned at publication.
 */
export function ResultsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { roundId = '' } = useParams();
  const { data, error, loading } = useApi(() => resultsApi.results(roundId), [roundId]);
  if (error) return <LoadFailed error={error} title={error instanceof ApiError && error.status === 404 ? t('results.public.notPublished') : undefined} />;
  if (loading || !data) {
    return (
      <Page title={t('results.public.loadingTitle')}>
        <Loading />
      </Page>
    );
  }
  return (
    <Page
      title={t('results.public.title', { name: data.roundName })}
      preline={
        <Link className="kern-link" to={`/rounds/${data.roundId}`}>
          {data.programme.name}
        </Link>
      }
      lead={t('results.public.lead', { count: data.count, total: formatMoney(data.totalFundingCents, lang, { whole: true }), date: formatDateTime(data.publishedAt, lang) })}
    >
      {data.groups.map((group, index) => (
        <Section key={group.title} title={`${group.title} (${formatNumber(group.count, lang)})`} id={`group-${index}`}>
          <Table
            caption={group.title}
            captionHidden
            small
            columns={[{ label: t('results.public.name') }, { label: t('results.public.funding'), numeric: true }, { label: t('results.public.receipt') }]}
            footer={
              <tr className="kern-table__row">
                <Cell header>{t('results.public.groupTotal')}</Cell>
                <Cell numeric>{formatMoney(group.totalFundingCents, lang, { whole: true })}</Cell>
                <Cell>{''}</Cell>
              </tr>
            }
          >
            {group.entries.map((entry) => (
              <tr className="kern-table__row" key={entry.applicationId}>
                <Cell header>{entry.name}</Cell>
                <Cell numeric>{formatMoney(entry.fundingCents, lang, { whole: true })}</Cell>
                <Cell>
                  <code className="receipt-hash" title={entry.receipt}>
                    {entry.receipt.slice(0, 16)}…
                  </code>
                </Cell>
              </tr>
            ))}
          </Table>
        </Section>
      ))}
      <Section title={t('results.receipt.title')} id="receipt">
        <p className="kern-body">{t('results.receipt.lead', { seq: data.chainHead.seq })}</p>
        <p className="kern-body">
          <code className="receipt-hash">{data.chainHead.hash}</code>
        </p>
        <ReceiptForm />
      </Section>
    </Page>
  );
}

function ReceiptForm() {
  const { t } = useTranslation();
  const [hash, setHash] = useState('');
  const [result, setResult] = useState<ReceiptCheck | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const valid = /^[0-9a-fA-F]{64}$/.test(hash.trim());

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    setProblem(null);
    if (!valid) {
      setProblem(t('results.receipt.invalid'));
      return;
    }
    try {
      setResult(await resultsApi.receipt(hash.trim()));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <form className="kern-form" onSubmit={submit} noValidate>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor="receipt-hash">
          {t('results.receipt.label')}
        </label>
        <div className="kern-hint" id="receipt-hint">
          {t('results.receipt.hint')}
        </div>
        <input
          className={`kern-form-input__input${problem ? ' kern-form-input__input--error' : ''}`}
          id="receipt-hash"
          name="receipt"
          value={hash}
          onChange={(e) => setHash(e.target.value)}
          aria-describedby={problem ? 'receipt-hint receipt-error' : 'receipt-hint'}
          aria-invalid={problem ? true : undefined}
          spellCheck={false}
          autoComplete="off"
        />
        {problem && (
          <p className="kern-error" id="receipt-error" role="alert">
            <span className="kern-body">{problem}</span>
          </p>
        )}
      </div>
      <button className="kern-btn kern-btn--primary" type="submit">
        <span className="kern-label">{t('results.receipt.check')}</span>
      </button>
      {result && (
        <div aria-live="polite">
          <Alert tone={result.inChainBeforeHead ? 'success' : 'danger'} title={result.inChainBeforeHead ? t('results.receipt.valid') : t('results.receipt.notValid')}>
            {result.entry && <p className="kern-body">{result.entry.name}</p>}
            {result.event && <p className="kern-body">{t('results.receipt.event', { seq: result.event.seq, action: result.event.action })}</p>}
            <p className="kern-body" lang="en">
              {result.message}
            </p>
          </Alert>
        </div>
      )}
    </form>
  );
}
