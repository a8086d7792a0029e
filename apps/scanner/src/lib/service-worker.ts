/**
 * Registers public/sw.js for the scanner's own path (`/scanner/`): it keeps the app shell, so a
 * scanner that lost its connection can be reloaded and still check tickets from its offline data.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const base = import.meta.env.BASE_URL;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {
      // Without a worker the app still works, offline too, until the page is reloaded.
    });
  });
}
