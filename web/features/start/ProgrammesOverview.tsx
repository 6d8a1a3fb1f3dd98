import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { programmesApi, roundsApi } from '../../api/endpoints';
import { LoadFailed, Loading } from '../../components/page';
import { useLang } from '../../i18n';
import { formatMoney } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { RoundsTable } from './RoundsTable';

async function load() {
  const programmes = await programmesApi.list();
  return Promise.all(programmes.map(async (p) => ({ programme: p, rounds: await roundsApi.list(p.slug) })));
}

/** Programmes with all rounds the person may see, and the actions their abilities allow. */
export function ProgrammesOverview() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading } = useApi(load, []);
  if (error) return <LoadFailed error={error} />;
  if (loading || !data) return <Loading />;
  return (
    <>
      {data.map(({ programme, rounds }) => (
        <section className="page-section" key={programme.id} aria-labelledby={`op-${programme.slug}`}>
          <h2 className="kern-heading-medium" id={`op-${programme.slug}`}>
            {programme.name}
          </h2>
          <p className="kern-body">
            {t('programme.budget')}: <strong>{formatMoney(programme.budgetCents, lang, { whole: true })}</strong>
          </p>
          <div className="kern-btn-wrapper button-row">
            {programme.abilities.includes('round.create') && (
              <Link className="kern-btn kern-btn--primary" to={`/programmes/${programme.slug}/rounds/new`}>
                <span className="kern-icon kern-icon--add" aria-hidden="true" />
                <span className="kern-label">{t('office.newRound')}</span>
              </Link>
            )}
            {(programme.abilities.includes('programme.update') || programme.abilities.includes('programme.budget')) && (
              <Link className="kern-btn kern-btn--secondary" to={`/programmes/${programme.slug}/edit`}>
                <span className="kern-icon kern-icon--edit" aria-hidden="true" />
                <span className="kern-label">{t('office.editProgramme')}</span>
              </Link>
            )}
          </div>
          {rounds.length === 0 ? (
            <p className="kern-body">{t('home.noRounds')}</p>
          ) : (
            <RoundsTable rounds={rounds} caption={t('office.roundsOf', { name: programme.name })} />
          )}
        </section>
      ))}
    </>
  );
}
