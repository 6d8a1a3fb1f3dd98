import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roundsApi } from '../../api/endpoints';
import type { Round, SessionUser } from '../../api/types';
import { Loading, Page, Section } from '../../components/page';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';
import { rolesForArea, type Area } from '../../session/start-page';
import { RoundCard } from '../rounds/RoundCard';
import { ApplyOverview } from '../applications/ApplyOverview';
import { OfficeReviewLinks, ReviewerStartLinks } from '../review/StartLinks';
import { OfficeCatalogueLinks } from '../catalogue/OfficeCatalogueLinks';
import { JuryStartLinks } from '../jury/JuryStartLinks';
import { MyGrants } from '../funding/MyGrants';
import { OfficeFundingLinks } from '../funding/OfficeFundingLinks';
import { GrantsList } from './GrantsList';
import { ProgrammesOverview } from './ProgrammesOverview';

const grantsFor = (user: SessionUser, area: Area) => user.grants.filter((g) => rolesForArea(area).includes(g.role));

/** The rounds a person's grants point at: the round itself, or every round of the programme. */
async function roundsOfGrants(user: SessionUser, area: Area): Promise<Round[]> {
  const grants = grantsFor(user, area);
  const found = new Map<string, Round>();
  for (const g of grants) {
    const rounds = g.roundId ? [await roundsApi.get(g.roundId)] : await roundsApi.list(g.programmeSlug);
    for (const r of rounds) found.set(r.id, r);
  }
  return [...found.values()].sort((a, b) => b.year - a.year);
}

function TheirRounds({ user, area, filter, emptyText }: { user: SessionUser; area: Area; filter?: (r: Round) => boolean; emptyText: string }) {
  const { t } = useTranslation();
  const { data, error, loading } = useApi(() => roundsOfGrants(user, area), [user.id, area]);
  const rounds = (data ?? []).filter(filter ?? (() => true));
  return (
    <Section title={t('start.yourRounds')}>
      {error ? (
        <p className="kern-body">{t('errors.loadFailedTitle')}</p>
      ) : loading ? (
        <Loading />
      ) : rounds.length === 0 ? (
        <p className="kern-body">{emptyText}</p>
      ) : (
        <ul className="card-list">
          {rounds.map((r) => (
            <li key={r.id}>
              <RoundCard round={r} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Grants({ user, area }: { user: SessionUser; area: Area }) {
  const { t } = useTranslation();
  return (
    <Section title={t('start.yourRoles')}>
      <GrantsList grants={grantsFor(user, area)} />
    </Section>
  );
}

export function AdminStartPage() {
  const { t } = useTranslation();
  return (
    <RequireArea areas={['admin']}>
      {(user) => (
        <Page title={t('start.admin.title')} lead={t('start.admin.lead', { name: user.displayName })}>
          <Section title={t('start.admin.tools')}>
            <ul className="tool-list">
              <li>
                <Link className="kern-link" to="/admin/users">
                  {t('nav.users')}
                </Link>
                <span className="kern-body kern-body--small"> – {t('start.admin.usersText')}</span>
              </li>
              <li>
                <Link className="kern-link" to="/admin/audit">
                  {t('nav.audit')}
                </Link>
                <span className="kern-body kern-body--small"> – {t('start.admin.auditText')}</span>
              </li>
            </ul>
          </Section>
          <Grants user={user} area="office" />
          <ProgrammesOverview />
        </Page>
      )}
    </RequireArea>
  );
}

export function OfficeStartPage() {
  const { t } = useTranslation();
  return (
    <RequireArea areas={['office', 'admin']}>
      {(user) => (
        <Page title={t('start.office.title')} lead={t('start.office.lead', { name: user.displayName })}>
          <Grants user={user} area="office" />
          <OfficeReviewLinks />
          <OfficeFundingLinks user={user} />
          <OfficeCatalogueLinks user={user} />
          <ProgrammesOverview />
        </Page>
      )}
    </RequireArea>
  );
}

export function ReviewStartPage() {
  const { t } = useTranslation();
  return (
    <RequireArea areas={['review']}>
      {(user) => (
        <Page title={t('start.review.title')} lead={t('start.review.lead', { name: user.displayName })}>
          <ReviewerStartLinks />
          <Grants user={user} area="review" />
          <TheirRounds user={user} area="review" emptyText={t('start.noRounds')} />
        </Page>
      )}
    </RequireArea>
  );
}

export function JuryStartPage() {
  const { t } = useTranslation();
  return (
    <RequireArea areas={['jury']}>
      {(user) => (
        <Page title={t('start.jury.title')} lead={t('start.jury.lead', { name: user.displayName })}>
          <JuryStartLinks user={user} />
          <Grants user={user} area="jury" />
          <TheirRounds user={user} area="jury" emptyText={t('start.noRounds')} />
        </Page>
      )}
    </RequireArea>
  );
}

export function ApplyStartPage() {
  const { t } = useTranslation();
  return (
    // Registering an applicant is self-service (any account may), so the page needs no applicant grant.
    <RequireArea>
      {(user) => (
        <Page title={t('start.apply.title')} lead={t('start.apply.lead', { name: user.displayName })}>
          <ApplyOverview />
          {grantsFor(user, 'apply').length > 0 && <Grants user={user} area="apply" />}
        </Page>
      )}
    </RequireArea>
  );
}

export function ProjectsStartPage() {
  const { t } = useTranslation();
  return (
    <RequireArea areas={['projects']}>
      {(user) => (
        <Page title={t('start.projects.title')} lead={t('start.projects.lead', { name: user.displayName })}>
          <MyGrants />
          <Grants user={user} area="projects" />
          <TheirRounds user={user} area="projects" filter={(r) => r.status === 'published'} emptyText={t('start.noRounds')} />
        </Page>
      )}
    </RequireArea>
  );
}
