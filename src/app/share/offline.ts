// Registers the service worker (public/sw.js) in the built app, so the app opens with the
// network cut off after the first visit. Not in the dev server: its modules are not a fixed list.
export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // After load, so caching every chunk never competes with the first paint.
  const register = () => void navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
