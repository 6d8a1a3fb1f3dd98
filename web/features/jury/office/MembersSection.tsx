import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationListItem, Region } from '../../../api/types';
import { Alert, ErrorSummary } from '../../../components/alerts';
import { RadioGroup, SelectField, TextField, fieldId } from '../../../components/fields';
import { localProblem, useFormErrors } from '../../../components/form-errors';
import { RegionCombobox } from '../../../components/RegionCombobox';
import { Section } from '../../../components/page';
import { Cell, Table } from '../../../components/table';
import type { JuryOverview, JuryRole } from '../jury-api';
import { affiliations, findAccount, juryOfficeApi, type Affiliation, type Recusal } from './office-api';
import { useJuryProblem } from './problems';

const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The jury's members with their recusal counts, and the form that adds one more. */
export function MembersSection({ overview, recusals, organisations, onChanged }: { overview: JuryOverview; recusals: Recusal[]; organisations: OrganisationListItem[]; onChanged(): void }) {
  const { t } = useTranslation();
  const localise = useJuryProblem();
  const roundId = overview.round.id;
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<JuryRole>('member');
  const [affiliation, setAffiliation] = useState<Affiliation>('science');
  const [home, setHome] = useState<Region | null>(null);
  const [employer, setEmployer] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const recusalCount = (memberId: string) => new Set(recusals.filter((r) => r.memberId === memberId).map((r) => r.applicationId)).size;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setDone(null);
    const notAdded = t('juryOffice.notSaved');
    if (!emailPattern.test(email.trim())) {
      fail(localProblem(notAdded, t('form.checkFields'), [{ path: 'email', message: t('juryOffice.members.emailInvalid') }]));
      return;
    }
    setBusy(true);
    try {
      const account = await findAccount(email);
      if (!account) {
        const message = t('juryOffice.members.noAccount');
        fail(localProblem(notAdded, message, [{ path: 'email', message }]));
        return;
      }
      const member = await juryOfficeApi.addMember(roundId, {
        userId: account.userId,
        role,
        affiliation,
        ...(home ? { homeArs: home.ars } : {}),
        ...(employer ? { employerOrganisationId: employer } : {}),
      });
      setDone(t('juryOffice.members.added', { name: member.displayName }));
      setEmail('');
      setRole('member');
      setHome(null);
      setEmployer('');
      onChanged();
    } catch (err) {
      fail(localise(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('juryOffice.members.title')} id="office-jury-members">
      {overview.members.length === 0 ? (
        <p className="kern-body">{t('juryOffice.members.empty')}</p>
      ) : (
        <Table
          caption={t('juryOffice.members.caption')}
          captionHidden
          small
          columns={[{ label: t('juryOffice.members.name') }, { label: t('juryOffice.members.role') }, { label: t('juryOffice.members.affiliation') }, { label: t('juryOffice.members.recusals'), numeric: true }]}
        >
          {overview.members.map((m) => (
            <tr className="kern-table__row" key={m.id}>
              <Cell header>
                {m.displayName}
                <span className="muted cell-note">{m.email}</span>
              </Cell>
              <Cell>{t(`jury.round.${m.role}`)}</Cell>
              <Cell>{t(`jury.round.affiliations.${m.affiliation}`)}</Cell>
              <Cell numeric>{recusalCount(m.id)}</Cell>
            </tr>
          ))}
        </Table>
      )}
      <form className="app-form narrow-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="add-member-heading">
        <h3 className="kern-heading-small" id="add-member-heading">
          {t('juryOffice.members.addTitle')}
        </h3>
        <p className="kern-body">{t('juryOffice.members.addLead')}</p>
        <div role="status" className="status-region">
          {done && <Alert tone="success" title={done} ref={doneRef} />}
        </div>
        <ErrorSummary error={error} ref={summaryRef} />
        <TextField path="email" type="email" autoComplete="off" label={t('juryOffice.members.email')} value={email} error={fieldErrors.email ?? fieldErrors.userId} onChange={setEmail} />
        <RadioGroup
          path="role"
          legend={t('juryOffice.members.roleLegend')}
          value={role}
          error={fieldErrors.role}
          onChange={(v) => setRole(v as JuryRole)}
          horizontal
          options={(['member', 'chair'] as const).map((r) => ({ value: r, label: t(`jury.round.${r}`) }))}
        />
        <SelectField
          path="affiliation"
          label={t('juryOffice.members.affiliationLabel')}
          value={affiliation}
          error={fieldErrors.affiliation}
          onChange={(v) => setAffiliation(v as Affiliation)}
          options={affiliations.map((a) => ({ value: a, label: t(`jury.round.affiliations.${a}`) }))}
        />
        {home ? (
          <p className="kern-body">
            {t('juryOffice.members.homeChosen', { name: home.name })}{' '}
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => setHome(null)}>
              <span className="kern-label">{t('juryOffice.members.homeRemove')}</span>
            </button>
          </p>
        ) : (
          <RegionCombobox id={fieldId('homeArs')} label={`${t('juryOffice.members.home')} (${t('form.optional')})`} hint={t('juryOffice.members.homeHint')} error={fieldErrors.homeArs} onSelect={setHome} />
        )}
        <SelectField
          path="employerOrganisationId"
          label={t('juryOffice.members.employer')}
          hint={t('juryOffice.members.employerHint')}
          optional
          value={employer}
          error={fieldErrors.employerOrganisationId}
          onChange={setEmployer}
          options={[{ value: '', label: t('juryOffice.members.noEmployer') }, ...organisations.map((o) => ({ value: o.id, label: o.displayName }))]}
        />
        <div className="kern-btn-wrapper button-row">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{t('juryOffice.members.add')}</span>
          </button>
        </div>
      </form>
    </Section>
  );
}
