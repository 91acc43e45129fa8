// Where the engine token comes from: the desktop preload, else the `?token=` the CLI printed
// (kept for this tab in sessionStorage and removed from the visible URL), else a token this tab
// stored earlier (so a reload keeps working).

const STORAGE_KEY = 'lambda-lab.engine-token';
const QUERY_PARAM = 'token';

function readStored(): string | undefined {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined; // storage disabled
  }
}

function store(token: string): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // storage disabled: the token lives only as long as this page
  }
}

/** Resolves the engine token once, at start-up. Side effect: strips `?token=` from the address bar. */
export function resolveEngineToken(): string | undefined {
  const desktop = window.lambdaLabDesktop?.engineToken;
  if (typeof desktop === 'string' && desktop !== '') return desktop;

  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(QUERY_PARAM);
  if (fromUrl !== null && fromUrl !== '') {
    store(fromUrl);
    url.searchParams.delete(QUERY_PARAM);
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  const stored = readStored();
  return stored === '' ? undefined : stored;
}

/** Forgets the stored token (it stopped working: the engine restarted with a new one). */
export function forgetEngineToken(): void {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage disabled: nothing stored
  }
}
