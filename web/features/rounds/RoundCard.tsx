import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Round } from '../../api/types';
import { StatusBadge } from '../../components/badges';
import { useLang } from '../../i18n';
import { formatMoney, formatPeriod } from '../../lib/format';

/** A round in a list: name, motto, call period in Berlin time, status. */
export function RoundCard({ round, headingLevel = 3 }: { round: Round; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const lang = useLang();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="kern-card round-card">
      <div className="kern-card__container">
        <header className="kern-card__header">
          <Heading className="kern-heading-small">
            <Link className="kern-link" to={`/rounds/${round.id}`}>
              {round.name}
            </Link>
          </Heading>
          <StatusBadge status={round.status} />
        </header>
        <div className="kern-card__body">
          {round.motto && <p className="kern-body round-card__motto">„{round.motto}“</p>}
          <p className="kern-body kern-body--small">
            <span className="kern-body--bold">{t('round.callPeriod')}:</span> {formatPeriod(round.opensAt, round.closesAt, lang)}{' '}
            <span className="muted">({t('common.berlinTime')})</span>
          </p>
          <p className="kern-body kern-body--small">
            <span className="kern-body--bold">{t('round.envelope')}:</span> {formatMoney(round.envelopeCents, lang, { whole: true })}
          </p>
        </div>
      </div>
    </article>
  );
}
