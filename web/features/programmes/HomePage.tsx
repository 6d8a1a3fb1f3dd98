import { useTranslation } from 'react-i18next';
import { programmesApi, roundsApi } from '../../api/endpoints';
import type { Programme, Round } from '../../api/types';
import { DescriptionList } from '../../components/badges';
import { Notice } from '../../components/alerts';
import { LoadFailed, Loading, Page } from '../../components/page';
import { useLang } from '../../i18n';
import { formatMoney, formatRate } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { RoundCard } from '../rounds/RoundCard';
import { BudgetHistoryTable } from './BudgetHistoryTable';

interface ProgrammeWithRounds {
  programme: Programme;
  rounds: Round[];
}

async function loadAll(): Promise<ProgrammeWithRounds[]> {
  const programmes = await programmesApi.list();
  return Promise.all(programmes.map(async (programme) => ({ programme, rounds: await roundsApi.list(programme.slug) })));
}

function ProgrammeSection({ programme, rounds }: ProgrammeWithRounds) {
  const { t } = useTranslation();
  const lang = useLang();
  // Drafts are the office's working copies; the public page shows only announced rounds.
  const visible = rounds.filter((r) => r.status !== 'draft').sort((a, b) => b.year - a.year);
  const headingId = `p-${programme.slug}`;
  return (
    <section className="page-section programme" aria-labelledby={headingId}>
      <h2 className="kern-heading-medium" id={headingId}>
        {programme.name}
      </h2>
      {programme.description && <p className="kern-body">{programme.description}</p>}
      <DescriptionList
        items={[
          [t('programme.budget'), <strong key="b">{formatMoney(programme.budgetCents, lang, { whole: true })}</strong>],
          [t('programme.defaultRate'), formatRate(programme.defaultRateBp, lang)],
          [t('programme.raisedRate'), formatRate(programme.raisedRateBp, lang)],
        ]}
      />
      <BudgetHistoryTable programme={programme} />
      <h3 className="kern-heading-small">{t('home.rounds')}</h3>
      {visible.length === 0 ? (
        <p className="kern-body">{t('home.noRounds')}</p>
      ) : (
        <ul className="card-list" aria-label={t('home.roundsOf', { name: programme.name })}>
          {visible.map((r) => (
            <li key={r.id}>
              <RoundCard round={r} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { data, error, loading } = useApi(loadAll, []);
  if (error) return <LoadFailed error={error} />;
  return (
    <Page title={t('home.title')} lead={t('home.lead')}>
      {loading || !data ? (
        <Loading />
      ) : data.length === 0 ? (
        <Notice title={t('home.noProgrammes')} />
      ) : (
        data.map((p) => <ProgrammeSection key={p.programme.id} {...p} />)
      )}
    </Page>
  );
}
