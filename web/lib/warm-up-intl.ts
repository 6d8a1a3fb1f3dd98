/**
 * The first number or date format a page makes loads the browser's locale data: 40 to 200 ms on a
 * slow phone, in the middle of the app's start. That data is shared by every thread of the page's
 * process, so a throw-away worker loads it while the app's scripts are still arriving.
 */
function warmUpIntl(): void {
  if (typeof Worker === 'undefined' || typeof Blob === 'undefined') return;
  const source = [
    "new Intl.NumberFormat('de-DE',{style:'currency',currency:'EUR'}).format(1);",
    "new Intl.NumberFormat('de-DE',{style:'percent'}).format(1);",
    "new Intl.DateTimeFormat('de-DE',{timeZone:'Europe/Berlin',dateStyle:'medium',timeStyle:'short'}).format(0);",
    'postMessage(0);',
  ].join('');
  try {
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const worker = new Worker(url);
    const done = () => {
      worker.terminate();
      URL.revokeObjectURL(url);
    };
    worker.onmessage = done;
    worker.onerror = done;
  } catch {
    // Without workers the first format simply loads the data itself.
  }
}

// Imported first by main.tsx, so the worker starts before the app's own modules run.
warmUpIntl();
