import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '../../api/types';
import { Section } from '../../components/page';
import { officeProgrammes } from './DisbursementQueuePage';

/** The office start page's way to the disbursement queue and each programme's budget. */
export function OfficeFundingLinks({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const programmes = officeProgrammes(user);
  return (
    <Section title={t('funding.officeLinks.title')} id="office-funding">
      <ul className="tool-list">
        <li>
          <Link className="kern-link" to="/office/disbursements">
            {t('funding.queue.title')}
          </Link>
          <span className="kern-body kern-body--small"> – {t('funding.officeLinks.queueText')}</span>
        </li>
        {programmes.map((p) => (
          <li key={p.id}>
            <Link className="kern-link" to={`/office/programmes/${p.id}/budget`}>
              {t('funding.budget.title', { name: p.name })}
            </Link>
            <span className="kern-body kern-body--small"> – {t('funding.officeLinks.budgetText')}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
