import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { officeApi, reviewApi, roundsApi } from '../../api/endpoints';
import type { OfficeRow, Round } from '../../api/types';
import { LoadFailed, Loading, Page } from '../../components/page';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';
import { AssignmentsSection } from './AssignmentsSection';
import { ConflictsSection } from './ConflictsSection';
import { PoolSection } from './PoolSection';
import { RunSection } from './RunSection';
import { SettingsSection } from './SettingsSection';
import type { Assignment, ConflictEntry, ReviewSettings, RoundReviewer } from './review-types';

interface Staffing {
  pool: RoundReviewer[];
  conflicts: ConflictEntry[];
  assignments: Assignment[];
  applications: Map<string, OfficeRow>;
}

async function loadStaffing(roundId: string): Promise<Staffing> {
  const [pool, conflicts, assignments, rows] = await Promise.all([
    reviewApi.pool(roundId),
    reviewApi.conflicts(roundId),
    reviewApi.assignments(roundId),
    officeApi.list(roundId, { status: 'submitted' }),
  ]);
  return { pool, conflicts, assignments, applications: new Map(rows.map((r) => [r.id, r])) };
}

async function loadRound(roundId: string): Promise<{ round: Round; settings: ReviewSettings | null }> {
  const round = await roundsApi.get(roundId);
  // Settings are an extra of newer servers: without them the page works as before.
  const settings = await reviewApi.settings(roundId).catch(() => null);
  return { round, settings };
}

/** The programme office's work on a round's review: the pool, conflicts, the assignment and its corrections. */
export function RoundReviewPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const round = useApi(() => loadRound(roundId), [roundId]);
  const staffing = useApi(() => loadStaffing(roundId), [roundId]);
  const { data, set, reload } = staffing;
  const replaceAssignment = useCallback(
    (changed: Assignment) => {
      if (data) set({ ...data, assignments: data.assignments.map((a) => (a.id === changed.id ? changed : a)) });
    },
    [data, set],
  );

  return (
    <RequireArea areas={['office', 'admin']}>
      {() => {
        if (round.error) return <LoadFailed error={round.error} />;
        if (staffing.error && !data) return <LoadFailed error={staffing.error} />;
        if (!round.data) return <Page title={t('review.office.loadingTitle')}><Loading /></Page>;
        const r = round.data.round;
        return (
          <Page
            title={t('review.office.title', { name: r.name })}
            preline={
              <Link className="kern-link" to={`/rounds/${r.id}`}>
                {r.name}
              </Link>
            }
            actions={
              <Link className="kern-btn kern-btn--secondary" to={`/rounds/${r.id}/review-results`}>
                <span className="kern-icon kern-icon--checklist" aria-hidden="true" />
                <span className="kern-label">{t('review.office.resultsLink')}</span>
              </Link>
            }
            lead={t('review.office.lead')}
          >
            <nav aria-label={t('review.office.onThisPage')} className="page-toc">
              <ul className="kern-list">
                <li><a className="kern-link" href="#pool">{t('review.pool.title')}</a></li>
                <li><a className="kern-link" href="#conflicts">{t('review.conflicts.title')}</a></li>
                <li><a className="kern-link" href="#run">{t('review.run.title')}</a></li>
                <li><a className="kern-link" href="#assignments">{t('review.assignments.title')}</a></li>
                {round.data.settings && <li><a className="kern-link" href="#settings">{t('review.settings.title')}</a></li>}
              </ul>
            </nav>
            {!data ? (
              <Loading />
            ) : (
              <>
                <PoolSection roundId={r.id} pool={data.pool} onChanged={() => reload()} />
                <ConflictsSection conflicts={data.conflicts} />
                <RunSection round={r} onFinished={reload} />
                <AssignmentsSection roundId={r.id} assignments={data.assignments} applications={data.applications} pool={data.pool} onChanged={replaceAssignment} />
              </>
            )}
            {round.data.settings && <SettingsSection roundId={r.id} initial={round.data.settings} />}
          </Page>
        );
      }}
    </RequireArea>
  );
}
