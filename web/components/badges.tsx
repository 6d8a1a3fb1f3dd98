import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus, FormalCheck, RoundStatus } from '../api/types';

const tone: Record<RoundStatus, 'info' | 'success' | 'warning' | 'danger'> = {
  draft: 'warning',
  open: 'success',
  closed: 'info',
  review: 'info',
  jury: 'info',
  decided: 'info',
  published: 'success',
};

export function StatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`kern-badge kern-badge--${tone[status]}`}>
      <span className="kern-label">{t(`status.${status}`)}</span>
    </span>
  );
}

export function DescriptionList({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="kern-description-list">
      {items.map(([key, value]) => (
        <div className="kern-description-list-item" key={key}>
          <dt className="kern-description-list-item__key">{key}</dt>
          <dd className="kern-description-list-item__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const applicationTone: Record<ApplicationStatus, 'info' | 'success' | 'warning' | 'danger'> = {
  draft: 'warning',
  submitted: 'success',
  withdrawn: 'info',
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`kern-badge kern-badge--${applicationTone[status]}`}>
      <span className="kern-label">{t(`applicationStatus.${status}`)}</span>
    </span>
  );
}

const checkTone: Record<FormalCheck, 'info' | 'success' | 'warning' | 'danger'> = {
  pending: 'info',
  eligible: 'success',
  ineligible: 'danger',
};

export function FormalCheckBadge({ check }: { check: FormalCheck }) {
  const { t } = useTranslation();
  return (
    <span className={`kern-badge kern-badge--${checkTone[check]}`}>
      <span className="kern-label">{t(`formalCheck.values.${check}`)}</span>
    </span>
  );
}
