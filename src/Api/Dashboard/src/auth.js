// The bearer token the dashboard uses for REST and the hub. Kept in sessionStorage so it lasts for the
// tab and is forgotten when the tab closes.

const KEY = 'gridactors.token';
// How the tab signed in with ?dev=…, so that a token the server no longer accepts (a restarted local server
// signs with a new key) is replaced by a fresh one instead of ending on the sign-in form.
const DEV_KEY = 'gridactors.dev';

/** The `role`, `scope` and `exp` claims of a JWT, or null when it is not one. */
export function decode(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = part + '='.repeat((4 - (part.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return { role: claims.role, scope: claims.scope, exp: claims.exp, subject: claims.sub };
  } catch {
    return null;
  }
}

const expired = (claims) => typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now();

export function storedToken() {
  const token = sessionStorage.getItem(KEY);
  const claims = token && decode(token);
  if (!claims || expired(claims)) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return token;
}

export function store(token) {
  sessionStorage.setItem(KEY, token);
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(DEV_KEY);
}

/** A 401 from the API or the hub: drop the token and start over, with the same ?dev= login if there was one. */
export function restart() {
  const dev = sessionStorage.getItem(DEV_KEY);
  sessionStorage.removeItem(KEY);
  location.replace(location.pathname + (dev ? `?${dev}` : ''));
}

/** POST /api/auth/dev-token (local runs only; 404 in Production). */
export async function requestDevToken(role, scope) {
  const body = role === 'city' ? { role } : { role, scope };
  const response = await fetch('/api/auth/dev-token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    const detail = problem?.errors ? Object.values(problem.errors).flat().join(' ') : problem?.detail;
    throw new Error(`${response.status} ${detail ?? problem?.title ?? response.statusText}`);
  }
  return (await response.json()).token;
}

/**
 * The session to start with: `?token=` from the URL, then the stored token, then `?dev=<role>`
 * (`?dev=city`, or `?dev=township&scope=fenglu`) which mints a dev token. The URL parameters are removed
 * afterwards so that a token does not linger in the address bar or history.
 */
export async function establish() {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  const dev = url.searchParams.get('dev');
  let token = null;
  if (fromUrl && decode(fromUrl)) {
    token = fromUrl;
  } else if (storedToken()) {
    token = storedToken();
  } else if (dev) {
    token = await requestDevToken(dev, url.searchParams.get('scope') ?? '');
    const again = new URLSearchParams({ dev });
    if (url.searchParams.get('scope')) again.set('scope', url.searchParams.get('scope'));
    sessionStorage.setItem(DEV_KEY, again.toString());
  }
  for (const name of ['token', 'dev', 'scope']) url.searchParams.delete(name);
  history.replaceState(null, '', url.pathname + url.search + url.hash);
  if (!token) return null;
  store(token);
  return { token, claims: decode(token) };
}
