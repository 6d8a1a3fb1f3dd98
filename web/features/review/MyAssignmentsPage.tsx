import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { reviewApi, roundsApi } from '../../api/endpoints';
import type { Round } from '../../api/types';
import { Alert } from '../../components/alerts';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';
import { DeclareConflictDialog } from './DeclareConflictDialog';
import { ReviewStatusBadge } from './ReviewStatusBadge';
import type { MyAssignment } from './review-types';

interface RoundGroup {
  round: Round | null;
  roundId: string;
  /** When reviews are due, where the round says so. */
  deadline: string | null;
  assignments: MyAssignment[];
}

async function load(): Promise<RoundGroup[]> {
  const assignments = await reviewApi.myAssignments();
  const byRound = new Map<string, MyAssignment[]>();
  for (const a of assignments) byRound.set(a.roundId, [...(byRound.get(a.roundId) ?? []), a]);
  const groups = await Promise.all(
    [...byRound.entries()].map(async ([roundId, list]) => {
      // The round's name and the review deadline are extras: the list stands without them.
      const [round, settings] = await Promise.all([roundsApi.get(roundId).catch(() => null), reviewApi.settings(roundId).catch(() => null)]);
      return { roundId, round, deadline: settings?.reviewDeadline ?? null, assignments: list.sort((a, b) => a.organisation.localeCompare(b.organisation, 'de')) };
    }),
  );
  return groups.sort((a, b) => (b.round?.year ?? 0) - (a.round?.year ?? 0));
}

/** The applications a reviewer is to review, per round, with the state of each review. */
export function MyAssignmentsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading, reload } = useApi(load, []);
  const [declaring, setDeclaring] = useState<MyAssignment | null>(null);
  const [notice, setNotice] = useState<{ title: string; text: string } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  return (
    <RequireArea areas={['review']}>
      {() => {
        if (error) return <LoadFailed error={error} />;
        return (
          <Page
            title={t('review.mine.title')}
            lead={t('review.mine.lead')}
            preline={
              <Link className="kern-link" to="/review">
                {t('start.review.title')}
              </Link>
            }
          >
            <div role="status" className="status-region">
              {notice && (
                <Alert tone="success" title={notice.title} ref={noticeRef}>
                  <p className="kern-body">{notice.text}</p>
                </Alert>
              )}
            </div>
            {loading && !data ? (
              <Loading />
            ) : !data || data.length === 0 ? (
              <p className="kern-body">{t('review.mine.none')}</p>
            ) : (
              data.map((g) => {
                const name = g.round?.name ?? t('review.mine.unknownRound');
                return (
                  <Section key={g.roundId} id={`round-${g.roundId}`} title={name}>
                    <p className="kern-body kern-body--small">
                      <span className="kern-body--bold">{t('review.mine.deadline')}:</span>{' '}
                      {g.deadline ? `${formatDateTime(g.deadline, lang)} (${t('common.berlinTime')})` : t('review.mine.noDeadline')}
                    </p>
                    <Table
                      caption={t('review.mine.caption', { round: name })}
                      captionHidden
                      columns={[
                        { label: t('review.mine.application') },
                        { label: t('review.mine.organisation') },
                        { label: t('review.mine.status') },
                        { label: t('common.actions'), hidden: true },
                      ]}
                    >
                      {g.assignments.map((a) => (
                        <tr className="kern-table__row" key={a.id}>
                          <Cell header>
                            <Link className="kern-link" to={`/review/assignments/${a.id}`}>
                              {a.title || t('review.mine.untitled')}
                            </Link>
                            <span className="muted cell-note">{a.reference}</span>
                          </Cell>
                          <Cell>{a.organisation}</Cell>
                          <Cell>
                            <ReviewStatusBadge status={a.reviewStatus} />
                          </Cell>
                          <Cell>
                            {a.reviewStatus !== 'submitted' && (
                              <button type="button" className="kern-btn kern-btn--tertiary kern-btn--small" onClick={() => setDeclaring(a)}>
                                <span className="kern-label">
                                  {t('review.conflict.open')}
                                  <span className="kern-sr-only">: {a.title || a.reference}</span>
                                </span>
                              </button>
                            )}
                          </Cell>
                        </tr>
                      ))}
                    </Table>
                  </Section>
                );
              })
            )}
            <p className="kern-body">
              <Link className="kern-link" to="/review/profile">
                {t('review.mine.profileLink')}
              </Link>
            </p>
            <DeclareConflictDialog
              assignment={declaring}
              onCancel={() => setDeclaring(null)}
              onDeclared={(a, scope) => {
                setDeclaring(null);
                setNotice({
                  title: t('review.conflict.declared'),
                  text: t(scope === 'application' ? 'review.conflict.declaredApplication' : 'review.conflict.declaredOrganisation', { title: a.title, organisation: a.organisation }),
                });
                reload();
              }}
            />
          </Page>
        );
      }}
    </RequireArea>
  );
}
