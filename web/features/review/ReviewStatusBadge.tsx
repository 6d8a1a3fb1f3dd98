import { useTranslation } from 'react-i18next';
import type { MyAssignment } from './review-types';

const tone: Record<MyAssignment['reviewStatus'], 'info' | 'success' | 'warning'> = {
  none: 'info',
  draft: 'warning',
  submitted: 'success',
};

/** Where a review stands: not started, a draft, or submitted. */
export function ReviewStatusBadge({ status }: { status: MyAssignment['reviewStatus'] }) {
  const { t } = useTranslation();
  return (
    <span className={`kern-badge kern-badge--${tone[status]}`}>
      <span className="kern-label">{t(`review.status.${status}`)}</span>
    </span>
  );
}
