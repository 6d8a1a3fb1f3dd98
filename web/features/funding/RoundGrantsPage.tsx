import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { officeApi, roundsApi } from '../../api/endpoints';
import type { OfficeRow } from '../../api/types';
import { Alert } from '../../components/alerts';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useApi } from '../../lib/use-api';
import { fundingApi, roundDecisions, type RoundDecision } from './funding-api';
import type { GrantSummary } from './funding-types';
import { useMoney } from './FundingBits';
import { GrantsTable } from './MyGrants';

interface Row {
  decision: RoundDecision;
  application: OfficeRow | undefined;
  grant: GrantSummary | undefined;
}

async function load(roundId: string) {
  const [round, decisions, applications, grants] = await Promise.all([roundsApi.get(roundId), roundDecisions(roundId), officeApi.list(roundId, {}), fundingApi.grants({ roundId })]);
  const byApplication = new Map(applications.map((a) => [a.id, a]));
  // One application per organisation and round: the organisation's name finds a decision's grant.
  const byOrganisation = new Map(grants.items.map((g) => [g.organisation.name, g]));
  const rows: Row[] = decisions
    .filter((d) => d.outcome === 'selected')
    .map((d) => {
      const application = byApplication.get(d.applicationId);
      return { decision: d, application, grant: application ? byOrganisation.get(application.organisation) : undefined };
    })
    .sort((a, b) => (a.application?.sortName ?? '').localeCompare(b.application?.sortName ?? '', 'de'));
  return { round, rows, grants: grants.items };
}

function CreateButton({ row, onCreated }: { row: Row; onCreated(): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = row.application?.organisation ?? row.decision.applicationId;
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      await fundingApi.createGrant(row.decision.id);
      onCreated();
    } catch (caught) {
      // Someone else made it meanwhile: the list shows it after a reload.
      if (caught instanceof ApiError && caught.status === 409) onCreated();
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="kern-btn kern-btn--secondary kern-btn--small" disabled={busy} onClick={() => void create()} aria-label={t('funding.roundGrants.createFor', { name })}>
        <span className="kern-label">{t('funding.roundGrants.create')}</span>
      </button>
      {error instanceof ApiError && (
        <Alert tone="danger" title={error.problem.title} live="alert">
          <p className="kern-body" lang="en">
            {error.problem.detail}
          </p>
        </Alert>
      )}
    </>
  );
}

/** The office turns each selected decision of a round into a grant, with the phases the rules propose. */
export function RoundGrantsPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const { roundId = '' } = useParams();
  const { data, error, loading, reload } = useApi(() => load(roundId), [roundId]);
  if (error) return <LoadFailed error={error} />;
  if (loading && !data) {
    return (
      <Page title={t('funding.roundGrants.loadingTitle')}>
        <Loading />
      </Page>
    );
  }
  if (!data) return <Loading />;
  const missing = data.rows.filter((r) => !r.grant);
  return (
    <Page
      title={t('funding.roundGrants.title', { name: data.round.name })}
      preline={
        <Link className="kern-link" to={`/rounds/${data.round.id}`}>
          {data.round.name}
        </Link>
      }
      lead={t('funding.roundGrants.lead', { selected: data.rows.length, grants: data.grants.length })}
    >
      <Section title={t('funding.roundGrants.toCreate')} id="grants-to-create">
        {missing.length === 0 ? (
          <p className="kern-body">{t('funding.roundGrants.allCreated')}</p>
        ) : (
          <>
            <p className="kern-body">{t('funding.roundGrants.proposedPhases')}</p>
            <Table
              caption={t('funding.roundGrants.toCreate')}
              captionHidden
              small
              columns={[{ label: t('funding.list.organisation') }, { label: t('funding.list.project') }, { label: t('funding.list.approved'), numeric: true }, { label: t('funding.roundGrants.action'), hidden: true }]}
            >
              {missing.map((row) => (
                <tr className="kern-table__row" key={row.decision.id}>
                  <Cell header>{row.application?.organisation ?? '–'}</Cell>
                  <Cell>{row.application?.title ?? '–'}</Cell>
                  <Cell numeric>{money(row.decision.fundingCents)}</Cell>
                  <Cell>
                    <CreateButton row={row} onCreated={reload} />
                  </Cell>
                </tr>
              ))}
            </Table>
          </>
        )}
      </Section>
      <Section title={t('funding.roundGrants.existing')} id="grants-existing">
        {data.grants.length === 0 ? <p className="kern-body">{t('funding.roundGrants.noneYet')}</p> : <GrantsTable grants={data.grants} caption={t('funding.roundGrants.existing')} />}
      </Section>
    </Page>
  );
}
