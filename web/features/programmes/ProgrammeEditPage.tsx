import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { programmesApi } from '../../api/endpoints';
import { Alert } from '../../components/alerts';
import { DescriptionList } from '../../components/badges';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { useLang } from '../../i18n';
import { formatMoney } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';
import { BudgetChangeForm } from './BudgetChangeForm';
import { BudgetHistoryTable } from './BudgetHistoryTable';
import { ProgrammeForm } from './ProgrammeForm';

function Editor({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data: programme, error, loading, set, reload } = useApi(() => programmesApi.get(slug), [slug]);
  if (error) return <LoadFailed error={error} />;
  if (loading || !programme) return <Page title={t('programme.editTitle')}><Loading /></Page>;
  const canEdit = programme.abilities.includes('programme.update');
  const canBudget = programme.abilities.includes('programme.budget');
  return (
    <Page title={t('programme.editTitleOf', { name: programme.name })}>
      {!canEdit && !canBudget && <Alert tone="warning" title={t('errors.noAccessText')} />}
      {canEdit && (
        <Section title={t('programme.basics')}>
          {/* A reload shows the loading state first, so the form comes back with fresh values. */}
          <ProgrammeForm programme={programme} onSaved={set} onReload={reload} />
        </Section>
      )}
      <Section title={t('programme.budgetSection')}>
        <DescriptionList items={[[t('programme.budget'), <strong key="b">{formatMoney(programme.budgetCents, lang, { whole: true })}</strong>]]} />
        <BudgetHistoryTable programme={programme} />
        {canBudget && (
          <>
            <h3 className="kern-heading-small">{t('programme.addBudgetChange')}</h3>
            <BudgetChangeForm programme={programme} onSaved={set} />
          </>
        )}
      </Section>
    </Page>
  );
}

export function ProgrammeEditPage() {
  const { slug = '' } = useParams();
  return <RequireArea areas={['office', 'admin']}>{() => <Editor slug={slug} />}</RequireArea>;
}
