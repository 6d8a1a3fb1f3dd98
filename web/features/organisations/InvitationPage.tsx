import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { organisationsApi } from '../../api/endpoints';
import { ErrorSummary } from '../../components/alerts';
import { useFormErrors } from '../../components/form-errors';
import { Page } from '../../components/page';
import { RequireArea } from '../../session/RequireArea';

/** The page an invitation link opens: the logged-in person joins the organisation that invited them. */
export function InvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [busy, setBusy] = useState(false);
  const { error, fail, clear, summaryRef } = useFormErrors();
  const accept = async () => {
    clear();
    setBusy(true);
    try {
      const organisation = await organisationsApi.acceptInvitation(token);
      navigate(`/organisations/${organisation.id}`);
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <RequireArea>
      {(user) => (
        <Page title={t('organisations.acceptTitle')} lead={t('organisations.acceptLead', { email: user.email })}>
          <ErrorSummary error={error} ref={summaryRef} />
          <div className="kern-btn-wrapper button-row">
            <button type="button" className="kern-btn kern-btn--primary" disabled={busy || !token} onClick={() => void accept()}>
              <span className="kern-label">{t('organisations.accept')}</span>
            </button>
          </div>
        </Page>
      )}
    </RequireArea>
  );
}
