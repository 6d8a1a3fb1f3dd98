import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DescriptionList } from '../../components/badges';
import { Section } from '../../components/page';
import type { GrantObligations } from './funding-types';

function MetBadge({ met }: { met: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`kern-badge kern-badge--${met ? 'success' : 'warning'}`}>
      <span className="kern-label">{t(met ? 'funding.obligations.met' : 'funding.obligations.open')}</span>
    </span>
  );
}

/** The catalogue's obligations of a funded project: open-source solutions (with valid publiccode.yml) and taking part in the exchange. */
export function ObligationsPanel({ obligations }: { obligations: GrantObligations }) {
  const { t } = useTranslation();
  const { openSource, exchange } = obligations;
  return (
    <Section title={t('funding.obligations.title')} id="obligations">
      <h3 className="kern-heading-small">
        {t('funding.obligations.openSource')} <MetBadge met={openSource.met} />
      </h3>
      {openSource.solutions.length === 0 ? (
        <p className="kern-body">{t('funding.obligations.noSolutions')}</p>
      ) : (
        <ul className="kern-list">
          {openSource.solutions.map((s) => (
            <li key={s.id}>
              <Link className="kern-link" to={`/catalogue/solutions/${encodeURIComponent(s.slug)}`}>
                {s.name}
              </Link>{' '}
              ({s.licence}) – {t(s.publiccodeValid === null ? 'funding.obligations.publiccodeUnknown' : s.publiccodeValid ? 'funding.obligations.publiccodeValid' : 'funding.obligations.publiccodeInvalid')}
            </li>
          ))}
        </ul>
      )}
      <h3 className="kern-heading-small">
        {t('funding.obligations.exchange')} <MetBadge met={exchange.met} />
      </h3>
      <DescriptionList
        items={[
          [t('funding.obligations.events'), String(exchange.events)],
          [t('funding.obligations.articles'), String(exchange.articles)],
        ]}
      />
    </Section>
  );
}
