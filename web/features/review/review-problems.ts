import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';

/**
 * The review module's problem codes are not (yet) in the shared translations: this gives such a
 * problem its title in the UI language, so the shared error summary shows it instead of the
 * server's English title. Other errors pass through unchanged.
 */
export function useLocalisedProblem() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown): unknown => {
      if (!(error instanceof ApiError)) return error;
      const key = `review.problems.${error.code}`;
      if (i18n.exists(`problems.${error.code}`) || !i18n.exists(key)) return error;
      return new ApiError({ ...error.problem, title: t(key) });
    },
    [t, i18n],
  );
}
