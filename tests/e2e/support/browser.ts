import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core (no downloaded browser). `.ci/run` installs it with
 * apt-get; CHROMIUM_PATH points elsewhere if needed.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The pane's timers (autosave, retries) must run on time in a page nobody looks at.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}: apt-get install -y chromium (as .ci/run does), or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A desktop window as Excel would fill it: the grid and a 350 px pane. */
export const VIEWPORT = { width: 1600, height: 900 };

export interface PageLog {
  errors: string[];
  console: string[];
}

/** A fresh context (own localStorage: its own signed-in user) and page, with its errors collected. */
export async function newPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page; log: PageLog }> {
  const context = await browser.newContext({ viewport: options.viewport ?? VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const log: PageLog = { errors: [], console: [] };
  page.on('pageerror', (error) => log.errors.push(`${error.name}: ${error.message}`));
  page.on('console', (message: ConsoleMessage) => {
    const line = `[${message.type()}] ${message.text()}`;
    log.console.push(line);
    if (process.env.THIDUA_E2E_VERBOSE) console.log(line);
  });
  return { context, page, log };
}
