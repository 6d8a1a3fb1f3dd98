import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roundsApi } from '../../api/endpoints';
import { roundStatuses, type Round, type RoundStatus } from '../../api/types';
import { Alert, ErrorSummary } from '../../components/alerts';

/** The status changes the round's state machine allows now, as buttons; nothing else is offered. */
export function RoundStatusActions({ round, onChanged }: { round: Round; onChanged(round: Round): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<RoundStatus | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  if (!round.abilities.includes('round.transition') || round.nextStatuses.length === 0) return null;

  const move = async (to: RoundStatus) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const updated = await roundsApi.transition(round.id, to, round.version);
      setDone(updated.status);
      onChanged(updated);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const forward = (to: RoundStatus) => roundStatuses.indexOf(to) > roundStatuses.indexOf(round.status);
  return (
    <section className="page-section status-actions" aria-labelledby="status-actions-heading">
      <h2 className="kern-heading-small" id="status-actions-heading">
        {t('round.changeStatus')}
      </h2>
      <div className="status-region" role="status">
        {done && <Alert tone="success" title={t('round.statusChanged', { status: t(`status.${done}`) })} />}
      </div>
      <ErrorSummary error={error} ref={errorRef} />
      <div className="kern-btn-wrapper button-row">
        {round.nextStatuses.map((to) => (
          <button
            key={to}
            type="button"
            disabled={busy}
            className={`kern-btn ${forward(to) ? 'kern-btn--primary' : 'kern-btn--secondary'}`}
            onClick={() => void move(to)}
          >
            <span className="kern-label">{t(forward(to) ? 'round.moveTo' : 'round.moveBackTo', { status: t(`status.${to}`) })}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
