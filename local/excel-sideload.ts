import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Sideloading the add-in into desktop Excel with office-addin-debugging, where there is one: Windows
 * (Excel registered under App Paths) and macOS (/Applications/Microsoft Excel.app). Elsewhere (Linux)
 * Excel does not exist: the caller prints the pane's URL and how to load manifest.xml into Excel on
 * the web instead. THIDUA_SIDELOAD=0 skips it anyway.
 */
const require = createRequire(import.meta.url);

interface DebuggingModule {
  startDebugging(manifestPath: string, options: Record<string, unknown>): Promise<void>;
  stopDebugging(manifestPath: string): Promise<void>;
}

export type ExcelPresence = { installed: true; where: string } | { installed: false; why: string };

export function desktopExcel(): ExcelPresence {
  if (process.platform === 'darwin') {
    const app = '/Applications/Microsoft Excel.app';
    return existsSync(app) ? { installed: true, where: app } : { installed: false, why: `${app} is not there` };
  }
  if (process.platform === 'win32') {
    const key = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe';
    try {
      execFileSync('reg', ['query', key], { stdio: 'ignore' });
      return { installed: true, where: key };
    } catch {
      return { installed: false, why: `${key} is not in the registry` };
    }
  }
  return { installed: false, why: `there is no desktop Excel for ${process.platform}` };
}

export function sideloadWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.THIDUA_SIDELOAD !== '0' && env.THIDUA_SIDELOAD !== 'false';
}

/** office-addin-debugging prints its progress with console.log: collect it. */
async function collecting(work: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  try {
    await work();
    return lines;
  } finally {
    console.log = log;
  }
}

/** Registers manifest.xml with desktop Excel and opens Excel with the add-in (no debugger attached). */
export async function sideload(manifestPath: string, markerPath: string): Promise<string[]> {
  const debugging = require('office-addin-debugging') as DebuggingModule;
  const lines = await collecting(() =>
    debugging.startDebugging(manifestPath, {
      appType: 'desktop',
      app: 'excel',
      enableDebugging: false,
      enableLiveReload: false,
      enableSideload: true,
    }),
  );
  writeFileSync(markerPath, `${manifestPath}\n`);
  return lines;
}

/** Undoes `sideload`: unregisters the add-in from desktop Excel. */
export async function unsideload(manifestPath: string, markerPath: string): Promise<string[]> {
  const debugging = require('office-addin-debugging') as DebuggingModule;
  const lines = await collecting(() => debugging.stopDebugging(manifestPath));
  rmSync(markerPath, { force: true });
  return lines;
}

export const SIDELOAD_MARKER = (root: string) => join(root, '.local/sideloaded');
