/**
 * `npm run build` (after `vite build`): writes dist/manifest.xml, manifest.xml with the local dev
 * server's address (https://localhost:3000) replaced by where the add-in is deployed:
 *
 *   ADDIN_URL=https://d111111abcdef8.cloudfront.net npm run build
 *   npm run build -- https://addin.example.gov.vn/thidua
 *
 * Without an address it keeps localhost (good for local testing only) and says so. It then checks
 * that both manifests parse as Office reads them, that every file dist/manifest.xml names was built
 * into dist/addin/, and asks Microsoft's validation service when it can be reached (it cannot offline:
 * that check is skipped with a note; THIDUA_SKIP_MANIFEST_VALIDATION=1 skips it anyway).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEV_ORIGIN = 'https://localhost:3000';

/** The deployed base URL: https, no query or fragment, no trailing slash. */
export function normalizeAddinUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`ADDIN_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL must be https (Office loads add-ins only over HTTPS): ${raw}`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL must have no query or fragment: ${raw}`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The manifest with every https://localhost:3000 URL moved under `baseUrl`. */
export function manifestFor(xml: string, baseUrl: string): string {
  const replaced = xml.replaceAll(`${DEV_ORIGIN}/`, `${baseUrl}/`).replaceAll(`"${DEV_ORIGIN}"`, `"${baseUrl}"`);
  if (baseUrl !== DEV_ORIGIN && replaced.includes('localhost')) throw new Error('a localhost URL is left in the manifest');
  return replaced;
}

/** The paths (relative to the add-in's base URL) that the manifest points at. */
export function pathsNamed(xml: string, baseUrl: string): string[] {
  const paths = new Set<string>();
  for (const match of xml.matchAll(/(?:DefaultValue|Value)="([^"]+)"/g)) {
    const value = match[1]!;
    if (value.startsWith(`${baseUrl}/`)) paths.add(value.slice(baseUrl.length + 1).split(/[?#]/)[0]!);
  }
  return [...paths].sort();
}

interface ManifestModule {
  OfficeAddinManifest: {
    readManifestFile(path: string): Promise<{ id?: string; hosts?: string[]; defaultSettings?: { sourceLocation?: string } }>;
  };
  validateManifest(
    path: string,
  ): Promise<{ isValid: boolean; status?: number; report?: { errors?: { title?: string; content?: string; line?: number }[] } }>;
}

async function check(path: string, label: string, manifests: ManifestModule): Promise<void> {
  const info = await manifests.OfficeAddinManifest.readManifestFile(path);
  if (!info.id || !info.hosts?.includes('Workbook') || !info.defaultSettings?.sourceLocation) {
    throw new Error(`${label}: Office would not read it as an Excel task pane add-in (id ${info.id}, hosts ${info.hosts})`);
  }
  console.log(`${label}: parses; id ${info.id}, host Workbook, pane ${info.defaultSettings.sourceLocation}`);
  if (process.env.THIDUA_SKIP_MANIFEST_VALIDATION === '1') return;
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000).unref());
  try {
    const result = await Promise.race([manifests.validateManifest(path), timeout]);
    if (result === 'timeout') {
      console.log(`${label}: Microsoft's validation service did not answer in 20 s; validation skipped.`);
    } else if (result.isValid) {
      console.log(`${label}: valid (Microsoft's validation service).`);
    } else {
      const errors = result.report?.errors ?? [];
      throw new Error(
        `${label} is not valid${result.status ? ` (service answered ${result.status})` : ''}:\n` +
          errors.map((error) => `  line ${error.line ?? '?'}: ${error.title ?? ''} ${error.content ?? ''}`).join('\n'),
      );
    }
  } catch (error) {
    const message = (error as Error).message;
    if (!/Unable to contact the manifest validation service/.test(message)) throw error;
    console.log(`${label}: Microsoft's validation service cannot be reached from here (offline); validation skipped.`);
  }
}

/**
 * Writes `target` (dist/manifest.xml): manifest.xml with its URLs under `baseUrl`; throws when it
 * names a file the build in `built` lacks. `npm run deploy` calls it with the deployed address.
 */
export function writeManifest(
  root: string,
  baseUrl: string,
  built = join(root, 'dist/addin'),
  target = join(root, 'dist/manifest.xml'),
): string {
  const xml = manifestFor(readFileSync(join(root, 'manifest.xml'), 'utf8'), baseUrl);
  const missing = pathsNamed(xml, baseUrl).filter((path) => !existsSync(join(built, path)));
  if (missing.length > 0)
    throw new Error(`the manifest names files that ${built} does not have: ${missing.join(', ')} (run vite build first)`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, xml);
  return xml;
}

/** Both manifests parse as Office reads them, and Microsoft's validation service agrees when reachable. */
export async function checkManifests(root: string, target = join(root, 'dist/manifest.xml')): Promise<void> {
  const manifests = createRequire(import.meta.url)('office-addin-manifest') as ManifestModule;
  await check(join(root, 'manifest.xml'), 'manifest.xml', manifests);
  await check(target, 'dist/manifest.xml', manifests);
}

async function main(): Promise<void> {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const arg = process.argv.slice(2).find((value) => !value.startsWith('-'));
  const raw = arg ?? process.env.ADDIN_URL;
  const baseUrl = raw ? normalizeAddinUrl(raw) : DEV_ORIGIN;
  if (!raw) {
    console.log(`ADDIN_URL is not set: dist/manifest.xml keeps ${DEV_ORIGIN} (for local testing only).`);
    console.log('For a deployment: ADDIN_URL=https://<where dist/addin is served> npm run build (npm run deploy does it for you)');
  }
  writeManifest(root, baseUrl);
  console.log(`dist/manifest.xml: the add-in at ${baseUrl}/`);
  await checkManifests(root);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(`build-manifest: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
