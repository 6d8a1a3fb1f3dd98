import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DescriptionList } from '../../components/badges';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatDateTime, formatDay, formatRate } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { DecideDisbursement } from './DecideDisbursement';
import { DisbursementRequestForm } from './DisbursementRequestForm';
import { fundingApi } from './funding-api';
import { abilities, type GrantDetail, type GrantPhase } from './funding-types';
import { DisbursementStatusBadge, GrantStatusBadge, MoneyLegend, PhaseBar, useMoney } from './FundingBits';
import { ObligationsPanel } from './ObligationsPanel';
import { ReportsSection } from './ReportsSection';

function usePhaseName() {
  const { t } = useTranslation();
  return (phase: Pick<GrantPhase, 'kind' | 'position'> | undefined) =>
    phase ? t('funding.phases.name', { position: phase.position, kind: t(`funding.phaseKind.${phase.kind}`) }) : '–';
}

function Overview({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const money = useMoney();
  return (
    <Section title={t('funding.project.overview')} id="overview">
      <p className="kern-body">
        <GrantStatusBadge status={grant.status} />
      </p>
      <DescriptionList
        items={[
          [t('funding.project.organisation'), grant.organisation.name],
          [t('funding.project.round'), grant.round.name],
          [t('funding.project.reference'), grant.reference],
          [t('funding.project.period'), `${formatDay(grant.startsOn, lang)} – ${formatDay(grant.endsOn, lang)}`],
          [t('funding.project.projectLead'), grant.projectLead?.displayName ?? t('funding.project.nobody')],
          [t('funding.project.caseOfficer'), grant.caseOfficer?.displayName ?? t('funding.project.nobody')],
        ]}
      />
      <h3 className="kern-heading-small">{t('funding.project.money')}</h3>
      <DescriptionList
        items={[
          [t('funding.project.eligibleCosts'), money(grant.eligibleCostsCents)],
          [t('funding.project.fundingRate'), formatRate(grant.fundingRateBp, lang)],
          [t('funding.project.approved'), money(grant.approvedCents)],
          [t('funding.project.ownShare'), money(grant.ownShareCents)],
          [t('funding.project.disbursed'), money(grant.disbursedCents)],
          [t('funding.project.pending'), money(grant.pendingCents)],
        ]}
      />
    </Section>
  );
}

function Phases({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const money = useMoney();
  const phaseName = usePhaseName();
  return (
    <Section title={t('funding.phases.title')} id="phases">
      <MoneyLegend kinds={['disbursed', 'pending', 'available']} />
      {grant.phases.map((p) => {
        const headingId = `phase-${p.id}`;
        return (
          <section key={p.id} className="funding-phase" aria-labelledby={headingId} data-available-cents={p.availableCents} data-disbursed-cents={p.disbursedCents}>
            <h3 className="kern-heading-small" id={headingId}>
              {phaseName(p)}
            </h3>
            <p className="kern-body">
              {formatDay(p.startsOn, lang)} – {formatDay(p.endsOn, lang)}
            </p>
            <PhaseBar phase={p} />
            <DescriptionList
              items={[
                [t('funding.phases.approved'), money(p.approvedCents)],
                [t('funding.phases.disbursed'), money(p.disbursedCents)],
                [t('funding.phases.pending'), money(p.pendingCents)],
                [t('funding.phases.available'), money(p.availableCents)],
              ]}
            />
          </section>
        );
      })}
    </Section>
  );
}

function History({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const money = useMoney();
  const phaseName = usePhaseName();
  const rows = [...grant.disbursements].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
  return (
    <Section title={t('funding.disbursements.title')} id="disbursements">
      {rows.length === 0 ? (
        <p className="kern-body">{t('funding.disbursements.none')}</p>
      ) : (
        <Table
          caption={t('funding.disbursements.title')}
          captionHidden
          small
          columns={[
            { label: t('funding.disbursements.requestedAt') },
            { label: t('funding.disbursements.phase') },
            { label: t('funding.disbursements.amount'), numeric: true },
            { label: t('funding.disbursements.purpose') },
            { label: t('funding.disbursements.status') },
            { label: t('funding.disbursements.decided') },
          ]}
        >
          {rows.map((d) => (
            <tr className="kern-table__row" key={d.id}>
              <Cell>{formatDateTime(d.requestedAt, lang)}</Cell>
              <Cell>{phaseName(grant.phases.find((p) => p.id === d.phaseId))}</Cell>
              <Cell numeric>{money(d.amountCents)}</Cell>
              <Cell>{d.purpose}</Cell>
              <Cell>
                <DisbursementStatusBadge status={d.status} />
              </Cell>
              <Cell>
                {d.decidedAt ? `${formatDateTime(d.decidedAt, lang)}${d.decidedBy ? `, ${d.decidedBy.displayName}` : ''}` : '–'}
                {d.decisionNote && <span className="kern-body kern-body--small criteria-description">{d.decisionNote}</span>}
              </Cell>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

function PendingDecisions({ grant, onDecided }: { grant: GrantDetail; onDecided(): void }) {
  const { t } = useTranslation();
  const phaseName = usePhaseName();
  const pending = grant.disbursements.filter((d) => d.status === 'requested');
  if (pending.length === 0) return null;
  return (
    <Section title={t('funding.decide.title')} id="decide">
      {pending.map((d) => (
        <DecideDisbursement key={d.id} disbursement={d} subject={phaseName(grant.phases.find((p) => p.id === d.phaseId))} onDecided={onDecided} />
      ))}
    </Section>
  );
}

/** A funded project: who, what, the money by phase, requests for money, reports and obligations. */
export function ProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: grant, error, loading, reload } = useApi(() => fundingApi.grant(id), [id]);
  if (error) return <LoadFailed error={error} />;
  if (loading && !grant) {
    return (
      <Page title={t('funding.project.loadingTitle')}>
        <Loading />
      </Page>
    );
  }
  if (!grant) return <Loading />;
  const staff = grant.abilities.includes(abilities.decideDisbursement);
  return (
    <Page
      title={grant.title}
      preline={`${grant.organisation.name} · ${grant.reference}`}
      actions={
        staff ? (
          <Link className="kern-btn kern-btn--secondary" to={`/office/programmes/${grant.programmeId}/budget`}>
            <span className="kern-icon kern-icon--calculate" aria-hidden="true" />
            <span className="kern-label">{t('funding.budget.link')}</span>
          </Link>
        ) : undefined
      }
    >
      <p className="kern-body">
        <Link className="kern-link" to={staff ? `/office/rounds/${grant.round.id}/grants` : '/projects'}>
          {staff ? t('funding.project.backToRound', { name: grant.round.name }) : t('funding.project.backToList')}
        </Link>
      </p>
      <Overview grant={grant} />
      <Phases grant={grant} />
      {grant.abilities.includes(abilities.requestDisbursement) && <DisbursementRequestForm grant={grant} onRequested={reload} />}
      {staff && <PendingDecisions grant={grant} onDecided={reload} />}
      <History grant={grant} />
      <ReportsSection grant={grant} onChanged={reload} />
      <ObligationsPanel obligations={grant.obligations} />
    </Page>
  );
}
