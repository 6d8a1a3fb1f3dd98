import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '../../api/types';
import { Alert } from '../../components/alerts';
import { LoadFailed, Loading, Page } from '../../components/page';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';
import { rolesForArea } from '../../session/start-page';
import { DecideDisbursement } from './DecideDisbursement';
import { fundingApi } from './funding-api';
import type { Disbursement, QueuedDisbursement } from './funding-types';
import { useMoney } from './FundingBits';

/** The programmes a person staffs; a site administrator without a programme role sees every one. */
export function officeProgrammes(user: SessionUser): { id: string; name: string }[] {
  const roles = rolesForArea('office');
  const found = new Map<string, string>();
  for (const g of user.grants) if (roles.includes(g.role)) found.set(g.programmeId, g.programmeName);
  return [...found].map(([id, name]) => ({ id, name }));
}

async function loadQueue(user: SessionUser): Promise<QueuedDisbursement[]> {
  const programmes = officeProgrammes(user);
  const lists = programmes.length === 0 ? [await fundingApi.queue()] : await Promise.all(programmes.map((p) => fundingApi.queue(p.id)));
  const seen = new Map<string, QueuedDisbursement>();
  for (const list of lists) for (const d of list.items) seen.set(d.id, d);
  return [...seen.values()].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
}

function Queue({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const money = useMoney();
  const { data, error, loading, set } = useApi(() => loadQueue(user), [user.id]);
  const [last, setLast] = useState<Disbursement | null>(null);
  if (error) return <LoadFailed error={error} />;
  const decided = (d: Disbursement) => {
    setLast(d);
    set((data ?? []).filter((q) => q.id !== d.id));
  };
  return (
    <Page title={t('funding.queue.title')} lead={t('funding.queue.lead')}>
      <div role="status">
        {last && <Alert tone="success" title={t(last.status === 'approved' ? 'funding.queue.approved' : 'funding.queue.rejected', { amount: money(last.amountCents) })} />}
      </div>
      {loading && !data ? (
        <Loading />
      ) : !data || data.length === 0 ? (
        <p className="kern-body">{t('funding.queue.none')}</p>
      ) : (
        data.map((d) => (
          <DecideDisbursement
            key={d.id}
            disbursement={d}
            subject={d.grant.title}
            details={[
              [
                t('funding.queue.project'),
                <Link key="project" className="kern-link" to={`/projects/${d.grant.id}`}>
                  {d.grant.title}
                </Link>,
              ],
              [t('funding.project.organisation'), d.grant.organisationName],
              [t('funding.project.reference'), d.grant.reference],
            ]}
            onDecided={decided}
          />
        ))
      )}
    </Page>
  );
}

/** The case officers' queue: every pending request for money, oldest first, to approve or reject. */
export function DisbursementQueuePage() {
  return <RequireArea areas={['office', 'admin']}>{(user) => <Queue user={user} />}</RequireArea>;
}
