import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SignJWT,
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
} from 'jose';

/**
 * The local runner's stand-in for the identity provider: an RS256 key pair that signs dev tokens, and
 * the check API Gateway's JWT authorizer would make (signature, kid, iss, aud, exp, nbf).
 * The pair is made on first use and kept as JWK in `.local/keys/` so tokens survive restarts.
 */
export const LOCAL_ISSUER = 'thidua-local';
export const LOCAL_AUDIENCE = 'thidua-api';
export const DEFAULT_TOKEN_TTL = '8h';

// From the module's path string, not a URL object: under a DOM test environment `URL` is the DOM's.
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_KEY_DIR = resolve(PROJECT_ROOT, '.local/keys');
const PRIVATE_FILE = 'private.jwk.json';
const JWKS_FILE = 'jwks.json';

export interface LocalClaims extends JWTPayload {
  email: string;
  sub: string;
  exp: number;
}

export interface IssueOptions {
  /** A jose time span ('8h', '15m', '30 s') or seconds from now (negative: already expired, for tests). Default 8h. */
  ttl?: string | number;
}

export interface LocalKeys {
  issueToken(email: string, options?: IssueOptions): Promise<string>;
  /** The claims of a valid token; throws (a jose error) for a bad signature, issuer, audience, or an expired token. */
  verifyToken(token: string): Promise<LocalClaims>;
  /** The public key set, what a jwks_uri would serve. */
  jwks: JSONWebKeySet;
  /** Where the keys are kept; undefined when they live in memory only. */
  dir: string | undefined;
}

/**
 * `dir` undefined: `.local/keys` of the project. `dir: null`: a fresh pair in memory (tests).
 * Any other directory: kept there (created if need be).
 */
export async function loadLocalKeys(options: { dir?: string | null } = {}): Promise<LocalKeys> {
  const dir = options.dir === null ? undefined : resolve(options.dir ?? DEFAULT_KEY_DIR);
  const privateJwk = dir ? await readOrCreate(dir) : await generate();
  const kid = privateJwk.kid!;
  const privateKey = await importJWK(privateJwk, 'RS256');
  const jwks: JSONWebKeySet = { keys: [publicPart(privateJwk)] };
  const keySet = createLocalJWKSet(jwks);

  return {
    jwks,
    dir,
    async issueToken(email, { ttl = DEFAULT_TOKEN_TTL } = {}) {
      const normalized = normalizeEmail(email);
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ email: normalized })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setSubject(normalized)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt(typeof ttl === 'number' && ttl < 0 ? now + ttl - 60 : now)
        .setExpirationTime(typeof ttl === 'number' ? now + ttl : ttl)
        .setJti(randomUUID())
        .sign(privateKey);
    },
    async verifyToken(token) {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'sub', 'email'],
      });
      if (typeof payload.email !== 'string') throw new Error('the token has no e-mail claim');
      return payload as LocalClaims;
    },
  };
}

let defaultKeys: Promise<LocalKeys> | undefined;

/** The runner's keys (`.local/keys`), loaded once per process. */
export function defaultLocalKeys(): Promise<LocalKeys> {
  defaultKeys ??= loadLocalKeys();
  return defaultKeys;
}

/** A token signed with the runner's key, as `npm run token` prints. */
export async function issueToken(email: string, options?: IssueOptions): Promise<string> {
  return (await defaultLocalKeys()).issueToken(email, options);
}

/** Checks a token against the runner's key, as API Gateway's JWT authorizer would. */
export async function verifyToken(token: string): Promise<LocalClaims> {
  return (await defaultLocalKeys()).verifyToken(token);
}

export function normalizeEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(normalized)) throw new Error(`not an e-mail address: "${email}"`);
  return normalized;
}

async function generate(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  jwk.kid = await calculateJwkThumbprint(jwk);
  jwk.alg = 'RS256';
  jwk.use = 'sig';
  return jwk;
}

async function readOrCreate(dir: string): Promise<JWK> {
  const file = join(dir, PRIVATE_FILE);
  try {
    return parsePrivate(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const jwk = await generate();
  try {
    // 'wx': if another process made the pair meanwhile, keep theirs (read below).
    await writeFile(file, `${JSON.stringify(jwk, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parsePrivate(await readFile(file, 'utf8'), file);
  }
  await writeFile(join(dir, JWKS_FILE), `${JSON.stringify({ keys: [publicPart(jwk)] }, null, 2)}\n`);
  return jwk;
}

function parsePrivate(text: string, file: string): JWK {
  let jwk: JWK;
  try {
    jwk = JSON.parse(text) as JWK;
  } catch {
    throw new Error(`${file} is not JSON: delete it to make a new key pair (tokens issued before will stop working)`);
  }
  if (jwk.kty !== 'RSA' || !jwk.d || !jwk.kid) {
    throw new Error(`${file} is not an RSA private JWK with a kid: delete it to make a new key pair`);
  }
  return jwk;
}

function publicPart(jwk: JWK): JWK {
  const { kty, n, e, kid } = jwk;
  return { kty, n, e, kid, alg: 'RS256', use: 'sig' };
}
