import { useTranslation } from 'react-i18next';
import type { Grant } from '../../api/types';

/** The roles a person holds, each with its programme and, where limited to one, its round. */
export function GrantsList({ grants }: { grants: Grant[] }) {
  const { t } = useTranslation();
  if (grants.length === 0) return <p className="kern-body">{t('start.noGrants')}</p>;
  return (
    <ul className="kern-list grants-list">
      {grants.map((g) => (
        <li key={g.id}>
          <strong>{t(`roles.${g.role}`)}</strong> – {g.programmeName}
          {g.roundName ? `, ${g.roundName}` : ` (${t('start.wholeProgramme')})`}
        </li>
      ))}
    </ul>
  );
}
