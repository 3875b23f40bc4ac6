/// <reference lib="dom" />
/**
 * @module gateway/viewer/client/key
 * The gateway API key: kept in this tab's sessionStorage (forgotten when the tab closes), sent
 * only in `x-api-key`. `npm run demo` hands it over in a one-time `#key=` fragment, which never
 * reaches a server log: the page moves it into sessionStorage and strips it from the address.
 */

const STORAGE = 'gamestash.viewer.apiKey';
const KEY = /^gs_[A-Za-z0-9_-]{32}$/;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function readKey(): string {
  return storage()?.getItem(STORAGE) ?? '';
}

export function saveKey(key: string): void {
  storage()?.setItem(STORAGE, key.trim());
}

export function forgetKey(): void {
  storage()?.removeItem(STORAGE);
}

/** Takes a `#key=gs_...` fragment into sessionStorage and removes it from the address bar. */
export function adoptKeyFromFragment(): boolean {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const key = fragment.get('key');
  if (key === null) return false;
  if (KEY.test(key)) saveKey(key);
  history.replaceState(history.state, '', location.pathname + location.search);
  return KEY.test(key);
}

export function looksLikeKey(key: string): boolean {
  return KEY.test(key.trim());
}
