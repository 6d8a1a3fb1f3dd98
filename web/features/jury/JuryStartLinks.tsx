import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roundsApi } from '../../api/endpoints';
import type { Round, SessionUser } from '../../api/types';
import { Loading, Section } from '../../components/page';
import { useApi } from '../../lib/use-api';

/** The rounds whose jury the person sits on (their jury grants), each with its jury page. */
async function juryRounds(user: SessionUser): Promise<Round[]> {
  const ids = [...new Set(user.grants.filter((g) => (g.role === 'jury_member' || g.role === 'jury_chair') && g.roundId).map((g) => g.roundId!))];
  const rounds = await Promise.all(ids.map((id) => roundsApi.get(id).catch(() => null)));
  return rounds.filter((r): r is Round => r !== null).sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'de'));
}

export function JuryStartLinks({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { data, loading } = useApi(() => juryRounds(user), [user.id]);
  return (
    <Section title={t('jury.start.title')} id="jury-rounds">
      {loading ? (
        <Loading />
      ) : !data || data.length === 0 ? (
        <p className="kern-body">{t('jury.start.none')}</p>
      ) : (
        <ul className="tool-list">
          {data.map((r) => (
            <li key={r.id}>
              <Link className="kern-link" to={`/jury/rounds/${r.id}`}>
                {t('jury.start.roundLink', { name: r.name })}
              </Link>
              <span className="kern-body kern-body--small"> – {t('jury.start.roundText')}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
