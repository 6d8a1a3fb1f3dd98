import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import '@kern-ux/native/dist/kern.min.css';
import './fonts.css';
import './app.css';
import { languageReady } from './i18n';
import { router } from './routes';
import { SessionProvider } from './session/SessionContext';

// Only someone who chose English waits, for the English texts, before the first paint.
void languageReady.finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </StrictMode>,
  ),
);
