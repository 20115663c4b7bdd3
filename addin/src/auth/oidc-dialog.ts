import { endpointsOf, jwtClaims, randomToken, s256Challenge, type DialogAnswer, type OidcConfig } from './oidc-protocol';

/** What the sign-in page keeps between leaving for the issuer and coming back: its own tab's sessionStorage. */
interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  tokenEndpoint: string;
  redirectUri: string;
}

export interface DialogPageDeps {
  /** The page's URL (location.href). */
  url: string;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  fetch: typeof fetch;
  /** Leaves for the issuer (location.assign). */
  navigate: (url: string) => void;
  /** The answer to the pane (Office's messageParent, for the pane's origin). */
  answer: (message: string) => void;
}

const PENDING_KEY = 'thidua.signin';

/**
 * The sign-in page inside Office's dialog (signin.html), in two visits. First, opened by the pane
 * with its state and nonce: makes the PKCE verifier (never leaving this page), and goes to the
 * issuer's authorization endpoint. Then, back from the issuer with a code: checks the state,
 * exchanges the code at the token endpoint as a public client with the verifier, checks the ID
 * token's nonce, and sends the tokens to the pane.
 */
export async function runDialogPage(config: OidcConfig, deps: DialogPageDeps): Promise<'redirected' | 'answered'> {
  const url = new URL(deps.url);
  const params = url.searchParams;
  const redirectUri = config.redirectUri ?? `${url.origin}${url.pathname}`;
  const send = (answer: DialogAnswer) => {
    deps.answer(JSON.stringify(answer));
    return 'answered' as const;
  };

  if (!params.has('code') && !params.has('error')) {
    const state = params.get('state');
    const nonce = params.get('nonce');
    if (!state || !nonce) return send({ status: 'error', error: 'invalid_request', description: 'opened without a state and nonce' });
    const endpoints = await endpointsOf(config, deps.fetch);
    const verifier = randomToken();
    const pending: Pending = { state, nonce, verifier, tokenEndpoint: endpoints.tokenEndpoint, redirectUri };
    deps.storage.setItem(PENDING_KEY, JSON.stringify(pending));
    const target = new URL(endpoints.authorizationEndpoint);
    for (const [key, value] of Object.entries({
      response_type: 'code',
      client_id: config.clientId,
      redirect_uri: redirectUri,
      scope: config.scopes.join(' '),
      state,
      nonce,
      code_challenge: await s256Challenge(verifier),
      code_challenge_method: 'S256',
    }))
      target.searchParams.set(key, value);
    deps.navigate(target.href);
    return 'redirected';
  }

  const saved = deps.storage.getItem(PENDING_KEY);
  deps.storage.removeItem(PENDING_KEY);
  const pending = saved ? (JSON.parse(saved) as Pending) : undefined;
  const state = params.get('state') ?? undefined;
  // Not a sign-in this page started (or started twice): a forged or replayed redirect.
  if (!pending || state !== pending.state) return send({ status: 'error', error: 'invalid_state' });
  const error = params.get('error');
  if (error)
    return send({
      status: 'error',
      state,
      error,
      ...(params.get('error_description') ? { description: params.get('error_description')! } : {}),
    });

  const response = await deps.fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code')!,
      redirect_uri: pending.redirectUri,
      client_id: config.clientId,
      code_verifier: pending.verifier,
    }).toString(),
  });
  const body = (await response.json().catch(() => ({}))) as {
    id_token?: string;
    access_token?: string;
    expires_in?: number;
    error?: string;
  };
  if (!response.ok || !body.id_token) return send({ status: 'error', state, error: body.error ?? `token endpoint ${response.status}` });
  if (jwtClaims(body.id_token).nonce !== pending.nonce) return send({ status: 'error', state, error: 'invalid_nonce' });
  return send({
    status: 'success',
    state,
    idToken: body.id_token,
    ...(body.access_token ? { accessToken: body.access_token } : {}),
    ...(typeof body.expires_in === 'number' ? { expiresIn: body.expires_in } : {}),
  });
}
