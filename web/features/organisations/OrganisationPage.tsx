import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { organisationsApi } from '../../api/endpoints';
import type { InvitationCreated, Organisation, OrganisationRegion } from '../../api/types';
import { Alert, ErrorSummary } from '../../components/alerts';
import { DescriptionList } from '../../components/badges';
import { SelectField, TextField } from '../../components/fields';
import { useFormErrors } from '../../components/form-errors';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';

function RegionsTable({ regions, caption }: { regions: OrganisationRegion[]; caption: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table
      caption={caption}
      captionHidden
      columns={[{ label: t('organisations.region') }, { label: t('organisations.role') }, { label: t('regions.kind') }, { label: t('regions.land') }, { label: 'AGS' }, { label: t('regions.population'), numeric: true }]}
    >
      {regions.map((r) => (
        <tr className="kern-table__row" key={r.ars}>
          <Cell header>{r.name}</Cell>
          <Cell>{t(`organisations.roles.${r.role}`)}</Cell>
          <Cell>{r.kind}</Cell>
          <Cell>{r.landName ?? ''}</Cell>
          <Cell>
            <code>{r.ags}</code>
          </Cell>
          <Cell numeric>{r.population != null ? formatNumber(r.population, lang) : t('common.unknown')}</Cell>
        </tr>
      ))}
    </Table>
  );
}

function InviteForm({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'admin' | 'member'>('member');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setCreated(null);
    setBusy(true);
    try {
      setCreated(await organisationsApi.invite(organisation.id, { email: email.trim(), role }));
      setEmail('');
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };
  const link = created ? `${window.location.origin}/invitations/accept?token=${encodeURIComponent(created.token)}` : '';
  return (
    <form onSubmit={submit} noValidate className="app-form narrow-form">
      <div role="status">
        {created && (
          <Alert tone="success" title={t('organisations.invited', { email: created.email })}>
            <p className="kern-body">{t('organisations.inviteLinkText')}</p>
            <p className="kern-body">
              <code className="hash">{link}</code>
            </p>
          </Alert>
        )}
      </div>
      <ErrorSummary error={error} ref={summaryRef} />
      <TextField path="email" type="email" label={t('account.email')} autoComplete="off" value={email} error={fieldErrors.email} onChange={setEmail} />
      <SelectField
        path="role"
        label={t('organisations.memberRole')}
        value={role}
        onChange={(v) => setRole(v === 'admin' ? 'admin' : 'member')}
        options={[
          { value: 'member', label: t('organisations.memberRoles.member') },
          { value: 'admin', label: t('organisations.memberRoles.admin') },
        ]}
      />
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{t('organisations.invite')}</span>
        </button>
      </div>
    </form>
  );
}

/** An applicant: kind, lead and partner regions; members and invitations for those who belong to it. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const { data, error, loading } = useApi(() => organisationsApi.get(id), [id]);
  return (
    <RequireArea>
      {() => {
        if (error) return <LoadFailed error={error} />;
        if (loading || !data) return <Page title={t('organisations.title')}><Loading /></Page>;
        const lead = data.regions.filter((r) => r.role === 'lead');
        const partners = data.regions.filter((r) => r.role === 'partner');
        return (
          <Page
            title={data.displayName}
            preline={
              <Link className="kern-link" to="/apply">
                {t('start.apply.title')}
              </Link>
            }
          >
            <DescriptionList
              items={[
                [t('organisations.kind'), t(`orgKinds.${data.kind}`)],
                [t('organisations.leadRegionShort'), lead.map((r) => `${r.name} (AGS ${r.ags})`).join(', ')],
                ...(data.kind === 'cooperation' ? [[t('organisations.partners'), partners.map((r) => r.name).join(', ') || '–'] as [string, string]] : []),
                ...(data.budgetEmergency !== undefined ? [[t('organisations.budgetEmergencyShort'), data.budgetEmergency ? t('common.yes') : t('common.no')] as [string, string]] : []),
                ...(data.myRole ? [[t('organisations.yourRole'), t(`organisations.memberRoles.${data.myRole}`)] as [string, string]] : []),
              ]}
            />
            <Section title={t('organisations.regions')} id="org-regions">
              <RegionsTable regions={data.regions} caption={t('organisations.regionsOf', { name: data.displayName })} />
            </Section>
            {data.members && (
              <Section title={t('organisations.members')} id="org-members">
                <Table
                  caption={t('organisations.membersOf', { name: data.displayName })}
                  captionHidden
                  columns={[{ label: t('users.displayName') }, { label: t('users.email') }, { label: t('organisations.memberRole') }, { label: t('organisations.joinedAt') }]}
                >
                  {data.members.map((m) => (
                    <tr className="kern-table__row" key={m.userId}>
                      <Cell header>{m.displayName}</Cell>
                      <Cell>{m.email}</Cell>
                      <Cell>{t(`organisations.memberRoles.${m.role}`)}</Cell>
                      <Cell>{formatDateTime(m.joinedAt, lang)}</Cell>
                    </tr>
                  ))}
                </Table>
              </Section>
            )}
            {data.abilities.includes('organisation.invite') && (
              <Section title={t('organisations.inviteTitle')} id="org-invite">
                <p className="kern-body">{t('organisations.inviteLead')}</p>
                <InviteForm organisation={data} />
              </Section>
            )}
          </Page>
        );
      }}
    </RequireArea>
  );
}
