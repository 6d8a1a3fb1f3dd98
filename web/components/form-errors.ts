import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

/** A problem found before sending (a typo the server could not even parse), shown like the server's. */
export function localProblem(title: string, detail: string, errors: { path: string; message: string }[]): ApiError {
  return new ApiError({ type: 'about:blank', title, status: 400, code: 'VALIDATION_FAILED', detail, errors });
}

/** The error state of one form: the summary's content, each field's message, focus on failure. */
export function useFormErrors() {
  const [error, setError] = useState<unknown>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // Focus the summary once it is on screen, so the failure is announced and its links come next.
  // An effect, not a timer: after an await React may render later than a zero timeout fires.
  useEffect(() => {
    if (error) summaryRef.current?.focus();
  }, [error]);
  const fail = useCallback((e: unknown) => setError(e), []);
  const clear = useCallback(() => setError(null), []);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  return { error, fieldErrors, fail, clear, summaryRef };
}
