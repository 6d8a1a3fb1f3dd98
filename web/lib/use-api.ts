import { useCallback, useContext, useEffect, useId, useRef, useState } from 'react';
import { PrerenderContext, prerendered } from './prerender';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  /** Replace the data with what a change returned, without another round trip. */
  set(data: T): void;
}

/**
 * Loads data for a page; reloads when a key changes and ignores answers that arrive too late.
 * A prerendered page starts from the data the server rendered it with (lib/prerender.ts).
 */
export function useApi<T>(load: () => Promise<T>, keys: readonly unknown[]): Loaded<T> {
  const key = useId();
  const collector = useContext(PrerenderContext);
  const [initial] = useState(() => (collector ? collector.lookup(key) : prerendered(key)));
  if (collector && !initial.found) collector.request(key, load);

  const [data, setData] = useState<T | undefined>(initial.found ? (initial.value as T) : undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(!initial.found);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const fromServer = useRef(initial.found);

  useEffect(() => {
    if (fromServer.current) {
      fromServer.current = false;
      return;
    }
    let current = true;
    setLoading(true);
    setError(undefined);
    loadRef.current().then(
      (d) => {
        if (!current) return;
        setData(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [...keys, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, set: setData };
}
