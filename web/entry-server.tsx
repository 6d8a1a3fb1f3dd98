import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { ApiError, setApiTransport } from './api/client';
import { startI18n } from './i18n';
import { PrerenderCollector, PrerenderContext, serializePrerenderData } from './lib/prerender';
import { routes } from './routes';
import { SessionProvider } from './session/SessionContext';

/** The page's markup for <div id="root"> and the data it was rendered with, as safe JSON. */
export interface PrerenderedPage {
  html: string;
  data: string;
}

void startI18n();

// Pages that load in steps (a list, then what it links to) need a pass per step.
const maxPasses = 4;

async function renderPass(url: string, collector: PrerenderCollector): Promise<string> {
  // The same tree as main.tsx, so every useId() — the keys of the loaded data — comes out the same.
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  let failure: unknown = null;
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <PrerenderContext.Provider value={collector}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </PrerenderContext.Provider>
    </StrictMode>,
    {
      // Large parts would otherwise come after the page, moved into place by inline scripts.
      progressiveChunkSize: Number.MAX_SAFE_INTEGER,
      onError: (error) => {
        failure ??= error;
      },
    },
  );
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Renders a public page as a visitor without a session sees it, with `fetchApi` answering the
 * page's API calls in-process. Null when the API refused a call (a missing project, say): the
 * browser then renders the page, and its error, itself.
 */
export async function prerenderPage(url: string, fetchApi: typeof fetch): Promise<PrerenderedPage | null> {
  setApiTransport(fetchApi);
  const collector = new PrerenderCollector();
  for (let pass = 0; pass < maxPasses; pass++) {
    const html = await renderPass(url, collector);
    const more = await collector.settle();
    if (collector.failed instanceof ApiError) return null;
    if (collector.failed) throw collector.failed;
    if (!more) return { html, data: serializePrerenderData(collector.data()) };
  }
  return null;
}
