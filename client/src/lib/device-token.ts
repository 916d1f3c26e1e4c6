/**
 * A school iPad is identified by a device token, handed over once by staff as
 * a link (`/?device=<token>`) or a pasted setup code, then kept on the device.
 */
const STORAGE_KEY = 'peerbridge.deviceToken';
const URL_PARAM = 'device';

export function readStoredToken(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY) || null;
  } catch {
    // Private browsing or disabled storage: behave as an unconfigured device.
    return null;
  }
}

export function storeToken(token: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Nothing else to do; the device will ask for the setup code next time.
  }
}

export function clearStoredToken(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Ignored for the same reason as above.
  }
}

/**
 * Splits a setup link into the token and the same address without it. Pure so
 * it can be tested; `captureTokenFromUrl` applies it to the real location.
 */
export function extractDeviceToken(href: string): { token: string | null; cleanedHref: string } {
  const url = new URL(href);
  const token = url.searchParams.get(URL_PARAM)?.trim() || null;
  url.searchParams.delete(URL_PARAM);
  return { token, cleanedHref: url.toString() };
}

/**
 * Stores a token arriving in the address and removes it from the address bar,
 * so it does not linger in history, bookmarks or over-the-shoulder view.
 */
export function captureTokenFromUrl(): void {
  const { token, cleanedHref } = extractDeviceToken(window.location.href);
  if (!token) return;
  storeToken(token);
  window.history.replaceState(window.history.state, '', cleanedHref);
}

/**
 * Staff may paste either the bare code or the whole setup link; accept both.
 */
export function parseSetupCode(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  if (trimmed.includes(`${URL_PARAM}=`)) {
    const queryStart = trimmed.indexOf('?');
    const query = (queryStart >= 0 ? trimmed.slice(queryStart + 1) : trimmed).split('#')[0] ?? '';
    return new URLSearchParams(query).get(URL_PARAM)?.trim() || null;
  }
  // A bare code never contains spaces; text with spaces is a sentence pasted by mistake.
  return /\s/.test(trimmed) ? null : trimmed;
}
