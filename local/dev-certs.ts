import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The HTTPS certificate of the task pane's dev server, from office-addin-dev-certs: a "Developer CA for
 * Microsoft Office Add-ins" and a localhost certificate it signs, in ~/.office-addin-dev-certs, which
 * Office (and the browser) trust once the CA is installed.
 *
 * - Certificates already there and still valid for a day: used as they are.
 * - Otherwise, on Windows and macOS: `ensureCertificatesAreInstalled()`, the package's own flow, which
 *   makes them and installs the CA in the user's store (Windows asks to confirm, macOS may ask for the
 *   login keychain's password), as the Office add-in templates do.
 * - On Linux there is no desktop Excel and the package would install the CA with sudo into the system
 *   store, which the browsers there do not read: only make the files (`generateCertificates()`), and say
 *   how to trust the CA.
 * - Anything failing, or THIDUA_HTTP=1: plain HTTP, with the reason. Tests and CI never depend on it.
 */
export type PaneTls =
  { kind: 'https'; key: Buffer; cert: Buffer; ca: Buffer; certPath: string; notes: string[] } | { kind: 'http'; reason: string };

interface DevCertsDefaults {
  certificateDirectory: string;
  caCertificatePath: string;
  localhostCertificatePath: string;
  localhostKeyPath: string;
}

interface DevCertsModule extends DevCertsDefaults {
  generateCertificates(): Promise<void>;
  ensureCertificatesAreInstalled(): Promise<void>;
  deleteCertificateFiles(directory?: string): void;
  isCaCertificateInstalled(): boolean;
}

const require = createRequire(import.meta.url);
const DAY_MS = 24 * 3600 * 1000;

/** Why these files cannot serve https://localhost now, or undefined when they can. */
export function certificateProblem(certPath: string, keyPath: string, now = Date.now()): string | undefined {
  if (!existsSync(certPath) || !existsSync(keyPath)) return 'no certificate yet';
  try {
    const cert = new X509Certificate(readFileSync(certPath));
    if (Date.parse(cert.validTo) - now < DAY_MS) return `the certificate expires on ${cert.validTo}`;
    if (!cert.checkHost('localhost')) return 'the certificate is not for localhost';
    if (!cert.checkPrivateKey(createPrivateKey(readFileSync(keyPath)))) return 'the key does not match the certificate';
    return undefined;
  } catch (error) {
    return `the certificate cannot be read (${(error as Error).message})`;
  }
}

/** office-addin-dev-certs prints its progress with console.log: keep it, indented, as ours. */
async function quietly<T>(work: () => Promise<T>, lines: string[]): Promise<T> {
  const log = console.log;
  console.log = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  try {
    return await work();
  } finally {
    console.log = log;
  }
}

export async function paneTls(env: NodeJS.ProcessEnv = process.env): Promise<PaneTls> {
  if (env.THIDUA_HTTP === '1' || env.THIDUA_HTTP === 'true') return { kind: 'http', reason: 'THIDUA_HTTP=1' };
  let certs: DevCertsModule;
  try {
    // The paths live in lib/defaults, which the package's main does not re-export.
    const defaults = require('office-addin-dev-certs/lib/defaults') as DevCertsDefaults;
    certs = { ...(require('office-addin-dev-certs') as Omit<DevCertsModule, keyof DevCertsDefaults>), ...pick(defaults) };
  } catch (error) {
    return { kind: 'http', reason: `office-addin-dev-certs cannot be loaded (${(error as Error).message})` };
  }
  const notes: string[] = [];
  const certPath = certs.localhostCertificatePath;
  const keyPath = certs.localhostKeyPath;
  try {
    const problem = certificateProblem(certPath, keyPath);
    if (process.platform === 'win32' || process.platform === 'darwin') {
      if (problem || !caInstalled(certs)) {
        notes.push(`Certificates: ${problem ?? 'the CA is not installed'}; office-addin-dev-certs makes and installs them.`);
        await quietly(() => certs.ensureCertificatesAreInstalled(), notes);
      }
    } else {
      if (problem) {
        notes.push(`Certificates: ${problem}; making new ones in ${certs.certificateDirectory}.`);
        // generateCertificates() leaves an existing CA file alone, and the localhost one with it: clear them first.
        certs.deleteCertificateFiles(certs.certificateDirectory);
        await quietly(() => certs.generateCertificates(), notes);
      }
      if (!caInstalled(certs)) {
        notes.push(
          `The CA (${certs.caCertificatePath}) is not trusted on this machine: a browser warns until it is. ` +
            'Trust it with `node node_modules/office-addin-dev-certs/cli.js install` (uses sudo), or import it in the browser.',
        );
      }
    }
    const still = certificateProblem(certPath, keyPath);
    if (still) throw new Error(still);
    return {
      kind: 'https',
      key: readFileSync(keyPath),
      cert: readFileSync(certPath),
      ca: readFileSync(certs.caCertificatePath),
      certPath,
      notes,
    };
  } catch (error) {
    const detail = (error as Error).message.split('\n').filter(Boolean).slice(0, 2).join(' ');
    return { kind: 'http', reason: `no HTTPS certificate (${detail})` };
  }
}

function pick(defaults: DevCertsDefaults): DevCertsDefaults {
  const { certificateDirectory, caCertificatePath, localhostCertificatePath, localhostKeyPath } = defaults;
  for (const [name, value] of Object.entries({ certificateDirectory, caCertificatePath, localhostCertificatePath, localhostKeyPath })) {
    if (typeof value !== 'string' || !value) throw new Error(`office-addin-dev-certs has no ${name}`);
  }
  return { certificateDirectory, caCertificatePath, localhostCertificatePath, localhostKeyPath };
}

function caInstalled(certs: DevCertsModule): boolean {
  try {
    return certs.isCaCertificateInstalled();
  } catch {
    return false;
  }
}
