import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';

/**
 * The jury's refusals titled in the page's language: the shared problem texts do not know the
 * jury's codes, so the title is replaced before the error summary shows it.
 */
export function useJuryProblem() {
  const { t } = useTranslation();
  return (error: unknown): unknown => {
    if (!(error instanceof ApiError)) return error;
    const title = t(`juryOffice.problems.${error.code}`, { defaultValue: '' });
    return title ? new ApiError({ ...error.problem, title }) : error;
  };
}
