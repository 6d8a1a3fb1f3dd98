import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { formatMoney } from '../../lib/format';
import { phaseShares } from './funding-model';
import type { DisbursementStatus, GrantPhase, GrantStatus, ReportStatus } from './funding-types';
import './funding.css';

type Tone = 'info' | 'success' | 'warning' | 'danger';

function Badge({ tone, children }: { tone: Tone; children: string }) {
  return (
    <span className={`kern-badge kern-badge--${tone}`}>
      <span className="kern-label">{children}</span>
    </span>
  );
}

const grantTone: Record<GrantStatus, Tone> = { active: 'success', completed: 'info', terminated: 'danger' };
const disbursementTone: Record<DisbursementStatus, Tone> = { requested: 'warning', approved: 'success', rejected: 'danger' };
const reportTone: Record<ReportStatus, Tone> = { due: 'info', submitted: 'warning', accepted: 'success', returned: 'danger' };

export function GrantStatusBadge({ status }: { status: GrantStatus }) {
  const { t } = useTranslation();
  return <Badge tone={grantTone[status]}>{t(`funding.grantStatus.${status}`)}</Badge>;
}

export function DisbursementStatusBadge({ status }: { status: DisbursementStatus }) {
  const { t } = useTranslation();
  return <Badge tone={disbursementTone[status]}>{t(`funding.disbursementStatus.${status}`)}</Badge>;
}

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return <Badge tone={reportTone[status]}>{t(`funding.reportStatus.${status}`)}</Badge>;
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return <Badge tone="danger">{t('funding.reports.overdue')}</Badge>;
}

/**
 * A phase's money as a bar: disbursed, pending, still available. The bar is decoration; the same
 * figures stand as text beside it, so nobody needs to read colours or lengths.
 */
export function PhaseBar({ phase }: { phase: Pick<GrantPhase, 'approvedCents' | 'disbursedCents' | 'pendingCents'> }) {
  const shares = phaseShares(phase);
  return (
    <div className="phase-bar" aria-hidden="true">
      <span className="phase-bar__disbursed" style={{ width: `${shares.disbursed}%` }} />
      <span className="phase-bar__pending" style={{ width: `${shares.pending}%` }} />
      <span className="phase-bar__available" style={{ width: `${shares.available}%` }} />
    </div>
  );
}

/** The colour key of the phase bars and the budget chart. */
export function MoneyLegend({ kinds }: { kinds: ('disbursed' | 'pending' | 'available' | 'committed' | 'committedOpen' | 'uncommitted')[] }) {
  const { t } = useTranslation();
  return (
    <ul className="money-legend">
      {kinds.map((k) => (
        <li key={k}>
          <span className={`money-legend__swatch money-legend__swatch--${k}`} aria-hidden="true" />
          {t(`funding.legend.${k}`)}
        </li>
      ))}
    </ul>
  );
}

export function useMoney() {
  const lang = useLang();
  return useCallback((cents: number) => formatMoney(cents, lang), [lang]);
}

