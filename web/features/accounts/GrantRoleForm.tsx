import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roundsApi, usersApi } from '../../api/endpoints';
import { roleNames, type Programme, type RoleName, type Round, type UserSummary } from '../../api/types';
import { Alert, ErrorSummary } from '../../components/alerts';
import { SelectField } from '../../components/fields';
import { useFormErrors } from '../../components/form-errors';

interface Props {
  users: UserSummary[];
  programmes: Programme[];
  selectedUserId: string;
  onSelectUser(id: string): void;
}

/** A role for a whole programme, or for one of its rounds (reviewers and jury usually are). */
export function GrantRoleForm({ users, programmes, selectedUserId, onSelectUser }: Props) {
  const { t } = useTranslation();
  const [role, setRole] = useState<RoleName>('case_officer');
  const [programmeId, setProgrammeId] = useState(programmes[0]?.id ?? '');
  const [roundId, setRoundId] = useState('');
  const [rounds, setRounds] = useState<Round[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();

  useEffect(() => {
    const programme = programmes.find((p) => p.id === programmeId);
    setRoundId('');
    if (!programme) return setRounds([]);
    let current = true;
    roundsApi.list(programme.slug).then(
      (r) => current && setRounds(r),
      () => current && setRounds([]),
    );
    return () => {
      current = false;
    };
  }, [programmeId, programmes]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setDone(null);
    setBusy(true);
    try {
      await usersApi.grant(selectedUserId, { role, programmeId, roundId: roundId || null });
      const user = users.find((u) => u.id === selectedUserId);
      setDone(t('users.granted', { role: t(`roles.${role}`), name: user?.displayName ?? '' }));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="app-form">
      <div role="status">{done && <Alert tone="success" title={done} />}</div>
      <ErrorSummary error={error} ref={summaryRef} />
      <div className="form-grid">
        <SelectField
          path="userId"
          label={t('users.person')}
          value={selectedUserId}
          onChange={onSelectUser}
          options={users.map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }))}
        />
        <SelectField
          path="role"
          label={t('users.role')}
          value={role}
          error={fieldErrors.role}
          onChange={(v) => setRole(v as RoleName)}
          options={roleNames.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
      </div>
      <div className="form-grid">
        <SelectField
          path="programmeId"
          label={t('users.programme')}
          value={programmeId}
          error={fieldErrors.programmeId}
          onChange={setProgrammeId}
          options={programmes.map((p) => ({ value: p.id, label: p.name }))}
        />
        <SelectField
          path="roundId"
          label={t('users.round')}
          hint={t('users.roundHint')}
          value={roundId}
          error={fieldErrors.roundId}
          onChange={setRoundId}
          options={[{ value: '', label: t('users.wholeProgramme') }, ...rounds.map((r) => ({ value: r.id, label: r.name }))]}
        />
      </div>
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy || !selectedUserId || !programmeId}>
          <span className="kern-label">{t('users.grant')}</span>
        </button>
      </div>
    </form>
  );
}
