/**
 * The installable, offline side of the web app, kept apart from React: it
 * registers the service worker (public/sw.js) and shows the offline notice
 * (in index.html, outside the React root) while the page shows saved data.
 */

const timeFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

type WorkerMessage = { type: 'tend:online' } | { type: 'tend:offline'; cachedAt: string | null };

function banner(): HTMLElement | null {
  return document.getElementById('offline-banner');
}

function showOffline(cachedAt: string | null): void {
  const element = banner();
  if (!element) return;
  const when = cachedAt ? new Date(cachedAt) : null;
  const text =
    when && !Number.isNaN(when.getTime())
      ? `You are offline. Tend is showing what it had on ${timeFormat.format(when)}; changes cannot be saved until the connection is back.`
      : 'You are offline. Tend is showing what it had last; changes cannot be saved until the connection is back.';
  const message = element.querySelector('.offline-text');
  if (message && message.textContent !== text) message.textContent = text;
  element.hidden = false;
}

function showOnline(): void {
  const element = banner();
  if (element) element.hidden = true;
}

/** The API answers this page loaded before the worker controlled it, to keep them for offline. */
function warmCache(): void {
  const urls = new Set<string>();
  for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    const url = new URL(entry.name);
    if (
      entry.initiatorType === 'fetch' &&
      url.origin === window.location.origin &&
      url.pathname.startsWith('/api/v1/') &&
      !url.pathname.startsWith('/api/v1/account/')
    ) {
      urls.add(url.href);
    }
  }
  for (const url of urls) {
    void fetch(url, { headers: { accept: 'application/json' } }).catch(() => undefined);
  }
}

export function startPwa(): void {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  container.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
    if (event.data?.type === 'tend:offline') showOffline(event.data.cachedAt);
    else if (event.data?.type === 'tend:online') showOnline();
  });
  window.addEventListener('offline', () => showOffline(null));
  window.addEventListener('online', showOnline);
  container.startMessages();
  // Opened without a network: say so at once; the worker adds when its copy is from.
  if (!navigator.onLine) showOffline(null);
  // The first reads may have been answered before this code ran: ask how the last one went.
  const ask = () => container.controller?.postMessage({ type: 'tend:status?' });
  ask();
  window.addEventListener('load', ask, { once: true });

  // The first time a worker takes over, the data already on screen came from the network
  // around it: fetch it once more through the worker so it is there offline too.
  const hadController = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    if (!hadController) warmCache();
  });
  const register = () => {
    container.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      console.warn('Tend could not install its offline support:', error);
    });
  };
  // After the page has loaded, so installing never competes with the first render.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

startPwa();
