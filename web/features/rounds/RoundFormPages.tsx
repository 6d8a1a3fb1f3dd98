import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { programmesApi, roundsApi } from '../../api/endpoints';
import { Alert } from '../../components/alerts';
import { LoadFailed, Loading, Page } from '../../components/page';
import { useLang } from '../../i18n';
import { useApi } from '../../lib/use-api';
import { RoundForm } from './RoundForm';
import { draftFromRound, emptyDraft, toRoundInput, toRoundUpdate } from './round-form-model';

export function RoundCreatePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { slug = '' } = useParams();
  const { data: programme, error, loading } = useApi(() => programmesApi.get(slug), [slug]);
  if (error) return <LoadFailed error={error} />;
  if (loading || !programme) return <Page title={t('roundForm.createTitle')}><Loading /></Page>;
  if (!programme.abilities.includes('round.create')) {
    return (
      <Page title={t('roundForm.createTitle')}>
        <Alert tone="warning" title={t('errors.noAccessText')} />
      </Page>
    );
  }
  return (
    <Page title={t('roundForm.createTitle')} preline={programme.name} lead={t('roundForm.createLead')}>
      <RoundForm
        mode="create"
        initial={emptyDraft()}
        submitLabel={t('roundForm.create')}
        onCancel={() => navigate('/office')}
        onSubmit={async (draft) => {
          const { input, problems } = toRoundInput(draft, lang);
          if (problems.length > 0) return problems;
          const round = await roundsApi.create(programme.slug, input);
          navigate(`/rounds/${round.id}`, { state: { flash: 'created' } });
          return [];
        }}
      />
    </Page>
  );
}

export function RoundEditPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { data: round, error, loading } = useApi(() => roundsApi.get(id), [id]);
  if (error) return <LoadFailed error={error} />;
  if (loading || !round) return <Page title={t('roundForm.editTitle')}><Loading /></Page>;
  if (!round.abilities.includes('round.update')) {
    return (
      <Page title={t('roundForm.editTitle')}>
        <Alert tone="warning" title={t('errors.noAccessText')} />
      </Page>
    );
  }
  return (
    <Page title={t('roundForm.editTitleOf', { name: round.name })}>
      <RoundForm
        key={round.version}
        mode="edit"
        textsOnly={round.status !== 'draft'}
        initial={draftFromRound(round, lang)}
        submitLabel={t('form.save')}
        onCancel={() => navigate(`/rounds/${round.id}`)}
        onSubmit={async (draft) => {
          const { update, problems } = toRoundUpdate(draft, round, lang);
          if (problems.length > 0) return problems;
          await roundsApi.update(round.id, update);
          navigate(`/rounds/${round.id}`, { state: { flash: 'saved' } });
          return [];
        }}
      />
    </Page>
  );
}
