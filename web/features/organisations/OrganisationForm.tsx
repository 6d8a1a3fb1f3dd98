import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { organisationsApi } from '../../api/endpoints';
import type { Organisation, OrganisationKind, Region } from '../../api/types';
import { ErrorSummary } from '../../components/alerts';
import { Checkbox, fieldId, Fieldset, RadioGroup, TextField } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import { RegionCombobox } from '../../components/RegionCombobox';

const kinds: OrganisationKind[] = ['municipality', 'district', 'cooperation'];

/** The register level the lead region is searched in: a Gemeinde, a Kreis, or either for a cooperation. */
const leadLevel = (kind: OrganisationKind) => (kind === 'municipality' ? 'gemeinde' : kind === 'district' ? 'kreis' : undefined);

function regionLine(r: Region): string {
  return [r.kind, r.kreisName, r.landName, `AGS ${r.ags}`].filter(Boolean).join(' · ');
}

/**
 * Registers the applicant a person works for: a municipality, a district, or a cooperation of a
 * lead region with partners. Whoever registers it becomes its administrator.
 */
export function OrganisationForm({ onCreated }: { onCreated(organisation: Organisation): void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<OrganisationKind>('municipality');
  const [displayName, setDisplayName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [lead, setLead] = useState<Region | null>(null);
  const [partners, setPartners] = useState<Region[]>([]);
  const [budgetEmergency, setBudgetEmergency] = useState(false);
  const [busy, setBusy] = useState(false);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();

  // The server explains in English; the form says it in the UI language where it knows the case.
  const code = error instanceof ApiError ? error.code : '';
  const messages: Record<string, string> = {};
  if (fieldErrors.displayName) messages.displayName = t('organisations.errors.displayName');
  if (fieldErrors.leadRegion) {
    messages.leadRegion = !lead
      ? t('organisations.errors.leadMissing')
      : code === 'CONFLICT'
        ? t('organisations.errors.leadTaken', { name: lead.name })
        : t(`organisations.errors.leadLevel.${kind}`);
  }
  if (fieldErrors.partnerRegions) messages.partnerRegions = t('organisations.errors.partnersMissing');
  partners.forEach((p, i) => {
    if (fieldErrors[`partnerRegions.${i}`]) messages[`partnerRegions.${i}`] = t('organisations.errors.partnerInvalid', { name: p.name });
  });
  const err = (path: string) => messages[path] ?? fieldErrors[path];

  const changeKind = (next: string) => {
    const k = next as OrganisationKind;
    setKind(k);
    // A region of the wrong level would only be refused; start the choice again.
    if (lead && leadLevel(k) && lead.level !== leadLevel(k)) setLead(null);
    if (k !== 'cooperation') setPartners([]);
  };

  const chooseLead = (region: Region) => {
    setLead(region);
    setPartners((ps) => ps.filter((p) => p.ars !== region.ars));
    if (!nameTouched) setDisplayName(region.name.split(', ')[0] ?? region.name);
  };

  const addPartner = (region: Region) => {
    if (region.ars === lead?.ars || partners.some((p) => p.ars === region.ars)) return;
    setPartners((ps) => [...ps, region]);
    // "At least one partner" is answered now; the other messages wait for the next attempt.
    if (fieldErrors.partnerRegions) clear();
  };

  const removePartner = (index: number) => {
    setPartners((ps) => ps.filter((_, i) => i !== index));
    // The button disappears with its row: keep focus in the list, or go to the search field.
    window.setTimeout(() => {
      const next = document.querySelector<HTMLElement>(`#partner-list li:nth-child(${Math.max(1, index)}) button`);
      (next ?? document.getElementById('partner-search'))?.focus();
    }, 0);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const local: { path: string; message: string }[] = [];
    if (!lead) local.push({ path: 'leadRegion', message: t('organisations.errors.leadMissing') });
    if (kind === 'cooperation' && partners.length === 0) local.push({ path: 'partnerRegions', message: t('organisations.errors.partnersMissing') });
    if (displayName.trim().length < 2) local.push({ path: 'displayName', message: t('organisations.errors.displayName') });
    if (local.length > 0) {
      fail(localProblem(t('problems.VALIDATION_FAILED'), t('form.checkFields'), local));
      return;
    }
    setBusy(true);
    try {
      const created = await organisationsApi.create({
        kind,
        displayName: displayName.trim(),
        leadRegion: lead!.ars,
        partnerRegions: kind === 'cooperation' ? partners.map((p) => p.ars) : [],
        budgetEmergency,
      });
      setKind('municipality');
      setDisplayName('');
      setNameTouched(false);
      setLead(null);
      setPartners([]);
      setBudgetEmergency(false);
      onCreated(created);
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="app-form">
      <ErrorSummary error={error} messages={messages} ref={summaryRef} />
      <RadioGroup
        path="kind"
        legend={t('organisations.kind')}
        value={kind}
        onChange={changeKind}
        error={err('kind')}
        options={kinds.map((k) => ({ value: k, label: t(`orgKinds.${k}`), hint: t(`organisations.kindHints.${k}`) }))}
      />
      <div className="narrow-form">
        <RegionCombobox
          key={kind}
          id={fieldId('leadRegion')}
          label={kind === 'cooperation' ? t('organisations.leadRegionCooperation') : t(`organisations.leadRegion.${kind}`)}
          hint={t('organisations.regionHint')}
          level={leadLevel(kind)}
          error={err('leadRegion')}
          onSelect={chooseLead}
        />
        {lead && (
          <p className="kern-body kern-body--small chosen-region" id="lead-chosen">
            {t('organisations.chosen')}: <strong>{lead.name}</strong> <span className="muted">({regionLine(lead)})</span>
          </p>
        )}
      </div>
      {kind === 'cooperation' && (
        <Fieldset path="partnerRegions" legend={t('organisations.partners')} hint={t('organisations.partnersHint')} error={err('partnerRegions')}>
          {partners.length > 0 ? (
            <ul className="partner-list" id="partner-list">
              {partners.map((p, i) => (
                <li key={p.ars} id={fieldId(`partnerRegions.${i}`)} tabIndex={-1}>
                  <span>
                    <strong>{p.name}</strong> <span className="muted">({regionLine(p)})</span>
                    {err(`partnerRegions.${i}`) && <span className="kern-error partner-error"> {err(`partnerRegions.${i}`)}</span>}
                  </span>
                  <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => removePartner(i)}>
                    <span className="kern-icon kern-icon--delete" aria-hidden="true" />
                    <span className="kern-label">{t('organisations.removePartner', { name: p.name })}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="kern-body kern-body--small muted">{t('organisations.noPartners')}</p>
          )}
          <div className="narrow-form">
            <RegionCombobox
              id="partner-search"
              label={t('organisations.addPartner')}
              hint={t('organisations.regionHint')}
              clearOnSelect
              exclude={[...(lead ? [lead.ars] : []), ...partners.map((p) => p.ars)]}
              onSelect={addPartner}
            />
          </div>
        </Fieldset>
      )}
      <TextField
        path="displayName"
        label={t('organisations.displayName')}
        hint={t(kind === 'cooperation' ? 'organisations.displayNameHintCooperation' : 'organisations.displayNameHint')}
        value={displayName}
        error={err('displayName')}
        onChange={(v) => {
          setDisplayName(v);
          setNameTouched(true);
        }}
      />
      <div>
        <Checkbox
          id="f-budgetEmergency"
          label={t('organisations.budgetEmergency')}
          checked={budgetEmergency}
          onChange={setBudgetEmergency}
          describedBy="budget-emergency-hint"
        />
        <p className="kern-hint checkbox-hint" id="budget-emergency-hint">
          {t('organisations.budgetEmergencyHint')}
        </p>
      </div>
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t('organisations.register')}</span>
        </button>
      </div>
    </form>
  );
}
