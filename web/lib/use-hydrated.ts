import { startTransition, useEffect, useState } from 'react';

/**
 * False on the server and while a prerendered page is taken over, true soon after: for parts too
 * heavy to send as HTML, drawn once the app runs. The drawing is a transition, so a large part is
 * drawn in slices between which the browser stays responsive.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => startTransition(() => setHydrated(true)), []);
  return hydrated;
}
