import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { organisationsApi, reviewApi } from '../../api/endpoints';
import type { OrganisationListItem, Region } from '../../api/types';
import { Alert, ErrorSummary } from '../../components/alerts';
import { fieldId, RadioGroup, SelectField, TextArea, TextField } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import { LoadFailed, Loading, Page } from '../../components/page';
import { RegionCombobox } from '../../components/RegionCombobox';
import { useLang } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';
import { parseKeywords } from './review-model';
import type { ReviewerProfile } from './review-types';

type EmployerKind = 'none' | 'region' | 'organisation';

function regionLine(r: Region): string {
  return [r.kind, r.kreisName, r.landName, `AGS ${r.ags}`].filter(Boolean).join(' · ');
}

async function load(): Promise<{ profile: ReviewerProfile; organisations: OrganisationListItem[] }> {
  // The organisations a reviewer belongs to are offered as employers; without them the form still works.
  const [profile, organisations] = await Promise.all([reviewApi.profile(), organisationsApi.mine().catch(() => [])]);
  return { profile, organisations };
}

/** A reviewer's expertise, home and employer: what the assignment matches texts and finds conflicts with. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { data, error, loading } = useApi(load, []);
  return (
    <RequireArea areas={['review']}>
      {() => {
        if (error) return <LoadFailed error={error} />;
        if (loading || !data) return <Page title={t('review.profile.title')}><Loading /></Page>;
        return <ProfileForm initial={data.profile} organisations={data.organisations} />;
      }}
    </RequireArea>
  );
}

function ProfileForm({ initial, organisations }: { initial: ReviewerProfile; organisations: OrganisationListItem[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [profile, setProfile] = useState(initial);
  const [keywords, setKeywords] = useState(initial.keywords.join(', '));
  const [expertise, setExpertise] = useState(initial.expertise);
  const [home, setHome] = useState<Region | null>(initial.homeRegion);
  const [employerKind, setEmployerKind] = useState<EmployerKind>(initial.employerOrganisation ? 'organisation' : initial.employerRegion ? 'region' : 'none');
  const [employerRegion, setEmployerRegion] = useState<Region | null>(initial.employerRegion);
  const [employerOrganisationId, setEmployerOrganisationId] = useState(initial.employerOrganisation?.id ?? organisations[0]?.id ?? '');
  const [capacity, setCapacity] = useState(String(initial.capacity));
  const [saved, setSaved] = useState(0);
  const [busy, setBusy] = useState(false);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved > 0) savedRef.current?.focus();
  }, [saved]);

  // The employer's organisation may be one the person no longer belongs to: it stays choosable.
  const organisationOptions = [
    ...organisations.map((o) => ({ value: o.id, label: o.displayName })),
    ...(initial.employerOrganisation && !organisations.some((o) => o.id === initial.employerOrganisation!.id)
      ? [{ value: initial.employerOrganisation.id, label: initial.employerOrganisation.displayName }]
      : []),
  ];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setSaved(0);
    const cap = Number(capacity.trim());
    if (!/^\d+$/.test(capacity.trim()) || cap > 500) {
      fail(localProblem(t('review.profile.notSaved'), t('review.profile.capacityInvalid'), [{ path: 'capacity', message: t('review.profile.capacityInvalid') }]));
      return;
    }
    if (employerKind === 'region' && !employerRegion) {
      fail(localProblem(t('review.profile.notSaved'), t('review.profile.employerRegionMissing'), [{ path: 'employerRegion', message: t('review.profile.employerRegionMissing') }]));
      return;
    }
    setBusy(true);
    try {
      const next = await reviewApi.saveProfile({
        keywords: parseKeywords(keywords),
        expertise,
        homeRegion: home?.ars ?? null,
        employerRegion: employerKind === 'region' ? (employerRegion?.ars ?? null) : null,
        employerOrganisationId: employerKind === 'organisation' && employerOrganisationId ? employerOrganisationId : null,
        capacity: cap,
      });
      setProfile(next);
      setKeywords(next.keywords.join(', '));
      setSaved((n) => n + 1);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const kinds: EmployerKind[] = organisationOptions.length > 0 ? ['none', 'region', 'organisation'] : ['none', 'region'];

  return (
    <Page
      title={t('review.profile.title')}
      lead={t('review.profile.lead')}
      preline={
        <Link className="kern-link" to="/review">
          {t('start.review.title')}
        </Link>
      }
    >
      <div role="status" className="status-region">
        {saved > 0 && <Alert tone="success" title={t('review.profile.saved')} ref={savedRef} />}
      </div>
      {profile.updatedAt && (
        <p className="kern-body kern-body--small muted">
          {t('review.profile.updatedAt', { time: formatDateTime(profile.updatedAt, lang) })} ({t('common.berlinTime')})
        </p>
      )}
      <form className="app-form" noValidate onSubmit={(e) => void submit(e)}>
        <ErrorSummary error={error} ref={summaryRef} />
        <h2 className="kern-heading-medium">{t('review.profile.expertiseTitle')}</h2>
        <TextArea
          path="keywords"
          label={t('review.profile.keywords')}
          hint={t('review.profile.keywordsHint')}
          optional
          rows={3}
          value={keywords}
          error={fieldErrors.keywords}
          onChange={setKeywords}
        />
        <TextArea
          path="expertise"
          label={t('review.profile.expertise')}
          hint={t('review.profile.expertiseHint')}
          optional
          rows={6}
          value={expertise}
          error={fieldErrors.expertise}
          counter={{ text: t('review.profile.chars', { count: expertise.length, formatted: formatNumber(expertise.length, lang) }), over: expertise.length > 5000 }}
          onChange={setExpertise}
        />

        <h2 className="kern-heading-medium">{t('review.profile.conflictsTitle')}</h2>
        <p className="kern-body">{t('review.profile.conflictsLead')}</p>
        <div className="narrow-form">
          <RegionCombobox id={fieldId('homeRegion')} label={t('review.profile.home')} hint={t('review.profile.homeHint')} level="gemeinde" error={fieldErrors.homeRegion} onSelect={setHome} />
          <p className="kern-body kern-body--small chosen-region" id="home-chosen">
            {t('review.profile.chosen')}: {home ? <><strong>{home.name}</strong> <span className="muted">({regionLine(home)})</span></> : t('review.profile.none')}
            {home && (
              <>
                {' '}
                <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => setHome(null)}>
                  <span className="kern-label">{t('review.profile.removeHome')}</span>
                </button>
              </>
            )}
          </p>
        </div>
        <RadioGroup
          path="employerKind"
          legend={t('review.profile.employer')}
          hint={t('review.profile.employerHint')}
          value={employerKind}
          onChange={(v) => setEmployerKind(v as EmployerKind)}
          options={kinds.map((k) => ({ value: k, label: t(`review.profile.employerKinds.${k}`) }))}
        />
        {employerKind === 'region' && (
          <div className="narrow-form">
            <RegionCombobox id={fieldId('employerRegion')} label={t('review.profile.employerRegion')} hint={t('review.profile.employerRegionHint')} error={fieldErrors.employerRegion} onSelect={setEmployerRegion} />
            <p className="kern-body kern-body--small chosen-region">
              {t('review.profile.chosen')}: {employerRegion ? <><strong>{employerRegion.name}</strong> <span className="muted">({regionLine(employerRegion)})</span></> : t('review.profile.none')}
            </p>
          </div>
        )}
        {employerKind === 'organisation' && (
          <SelectField
            path="employerOrganisationId"
            label={t('review.profile.employerOrganisation')}
            value={employerOrganisationId}
            error={fieldErrors.employerOrganisationId}
            onChange={setEmployerOrganisationId}
            options={organisationOptions}
          />
        )}

        <h2 className="kern-heading-medium">{t('review.profile.capacityTitle')}</h2>
        <TextField
          path="capacity"
          label={t('review.profile.capacity')}
          hint={t('review.profile.capacityHint')}
          inputMode="numeric"
          width="narrow"
          value={capacity}
          error={fieldErrors.capacity}
          onChange={setCapacity}
        />
        <div className="kern-btn-wrapper button-row">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{t('review.profile.save')}</span>
          </button>
        </div>
      </form>
    </Page>
  );
}
