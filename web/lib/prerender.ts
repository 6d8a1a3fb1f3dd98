import { createContext } from 'react';

/**
 * Public pages are rendered on the server for visitors without a session (src/server/prerender.ts),
 * so the text is on screen before the JavaScript has loaded. What the pages loaded on the server
 * travels with the HTML, keyed by each loading component's useId(), which React keeps the same on
 * the server and in the browser; the browser then hydrates from exactly that data.
 */
export const prerenderDataId = 'prerender-data';

export type PrerenderData = Record<string, unknown>;

/** On the server: gathers what the components of one page load, over as many passes as it takes. */
export class PrerenderCollector {
  private readonly loaded = new Map<string, unknown>();
  private readonly pending = new Map<string, Promise<void>>();
  private failure: unknown = null;

  lookup(key: string): { found: true; value: unknown } | { found: false } {
    return this.loaded.has(key) ? { found: true, value: this.loaded.get(key) } : { found: false };
  }

  /** Starts loading what a component asked for; the next pass renders it with the answer. */
  request(key: string, load: () => Promise<unknown>): void {
    if (this.loaded.has(key) || this.pending.has(key)) return;
    this.pending.set(
      key,
      load().then(
        (value) => void this.loaded.set(key, value),
        (error: unknown) => {
          this.failure ??= error;
        },
      ),
    );
  }

  /** Waits for what the last pass asked for; true when another pass is needed. */
  async settle(): Promise<boolean> {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    await Promise.all(waiting);
    return waiting.length > 0;
  }

  /** A page whose data failed to load is not prerendered: the browser shows the error itself. */
  get failed(): unknown {
    return this.failure;
  }

  data(): PrerenderData {
    return Object.fromEntries(this.loaded);
  }
}

/** Set only while the server prerenders; null in the browser. */
export const PrerenderContext = createContext<PrerenderCollector | null>(null);

/** JSON that is safe inside <script>: nothing in it can close the element or start a comment. */
export function serializePrerenderData(data: PrerenderData): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

let embedded: PrerenderData | null | undefined;

function embeddedData(): PrerenderData | null {
  if (embedded === undefined) {
    const element = typeof document === 'undefined' ? null : document.getElementById(prerenderDataId);
    embedded = element?.textContent ? (JSON.parse(element.textContent) as PrerenderData) : null;
  }
  return embedded;
}

/** True when this page came prerendered from the server and is being hydrated. */
export function isPrerendered(): boolean {
  return embeddedData() !== null;
}

/** What the server loaded for the component with this useId(), while the first page is hydrated. */
export function prerendered(key: string): { found: true; value: unknown } | { found: false } {
  const data = embeddedData();
  return data && Object.hasOwn(data, key) ? { found: true, value: data[key] } : { found: false };
}

/** After the first navigation the server's data is out of date: pages load their own again. */
export function forgetPrerendered(): void {
  embedded = null;
}
