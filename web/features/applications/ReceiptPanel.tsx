import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationsApi } from '../../api/endpoints';
import type { Receipt } from '../../api/types';
import { DescriptionList } from '../../components/badges';
import { useLang } from '../../i18n';
import { formatDateTimeSeconds } from '../../lib/format';

/**
 * The submission receipt: reference, time of arrival (server clock, Berlin time), the version
 * and the SHA-256 of what was submitted, with the PDF to keep.
 */
export const ReceiptPanel = forwardRef<HTMLElement, { receipt: Receipt }>(function ReceiptPanel({ receipt }, ref) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section className="page-section receipt" aria-labelledby="receipt-heading" ref={ref} tabIndex={-1} id="receipt">
      <h2 className="kern-heading-medium" id="receipt-heading">
        {t('receipt.title')}
      </h2>
      <DescriptionList
        items={[
          [t('receipt.reference'), <strong key="r">{receipt.reference}</strong>],
          [t('receipt.submittedAt'), `${formatDateTimeSeconds(receipt.submittedAt, lang)} (${t('common.berlinTime')})`],
          [t('receipt.applicant'), receipt.organisation],
          [t('receipt.call'), receipt.round],
          [t('receipt.projectTitle'), receipt.title || '–'],
          [t('receipt.version'), String(receipt.version)],
          [
            t('receipt.hash'),
            <code className="hash" key="h">
              {receipt.contentHash}
            </code>,
          ],
        ]}
      />
      <p className="kern-body">
        <a className="kern-link" href={applicationsApi.receiptPdfUrl(receipt.applicationId)} download={`Eingangsbestaetigung-${receipt.reference}.pdf`}>
          <span className="kern-icon kern-icon--download" aria-hidden="true" />
          {t('receipt.pdf')}
        </a>
      </p>
      <p className="kern-body kern-body--small muted">{t('receipt.hashHint')}</p>
    </section>
  );
});
