import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { startI18n } from './i18n';
import { forgetPrerendered, isPrerendered } from './lib/prerender';
import { routes } from './routes';
import { SessionProvider } from './session/SessionContext';

/**
 * Lets the browser handle input and paint before the next step of the start. Loading the modules,
 * setting up the texts, the router and taking over the page each take a good part of the start on a phone:
 * as separate tasks, none keeps the page from answering a tap for long.
 */
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Takes over a prerendered page, or draws the page when the server sent none. */
export async function startApp(): Promise<void> {
  await yieldToBrowser();
  const languageReady = startI18n();
  await yieldToBrowser();
  const router = createBrowserRouter(routes);
  // The server's data belongs to the page it prerendered; the next page loads its own.
  const stopListening = router.subscribe(() => {
    forgetPrerendered();
    stopListening();
  });

  const app = (
    <StrictMode>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </StrictMode>
  );
  const root = document.getElementById('root')!;
  await yieldToBrowser();

  // A prerendered page is taken over as it stands (the server leaves readers of English out, by their
  // cookie); as a transition the takeover yields to the browser every few milliseconds instead of
  // blocking it. Otherwise the app draws the page itself, in English only once those texts are here.
  if (isPrerendered()) startTransition(() => void hydrateRoot(root, app));
  else void languageReady.finally(() => createRoot(root).render(app));
}
