/**
 * What the boot asks of the `Office` global, and nothing else: whether the pane runs inside Excel,
 * Office's theme and display language. (The Excel work is in excel/, sign-in's Office calls in
 * auth/office-host.ts.) Written against a loose shape, so that the real office.js and a test's
 * stand-in both do: `Office.onReady` may take a callback, return a promise, or both.
 */
export interface ReadyInfo {
  host?: string | null;
  platform?: string | null;
}

interface OfficeTheme {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
}

interface LooseOffice {
  onReady?: (callback?: (info: ReadyInfo) => void) => Promise<ReadyInfo> | void;
  initialize?: (reason?: unknown) => void;
  context?: {
    officeTheme?: OfficeTheme;
    displayLanguage?: string;
    document?: {
      addHandlerAsync?: (
        eventType: unknown,
        handler: (args: { officeTheme?: OfficeTheme }) => void,
        callback?: (result: unknown) => void,
      ) => void;
    };
  };
  EventType?: { OfficeThemeChanged?: unknown };
}

const officeGlobal = (): LooseOffice | undefined => (globalThis as unknown as { Office?: LooseOffice }).Office;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type OfficeStart =
  | { kind: 'excel'; info: ReadyInfo }
  /** office.js loaded, but not inside Excel (a plain browser, another Office app). */
  | { kind: 'elsewhere'; info: ReadyInfo }
  /** No office.js: no network to its CDN, or a page opened outside Office that never got it. */
  | { kind: 'no-office' };

export interface WaitOptions {
  /** How long to wait for the `Office` global to appear (a test host may define it late). */
  absentMs?: number;
  /** How long to wait for Office.onReady. Outside Office, office.js answers at once with host null. */
  readyMs?: number;
}

/** Waits for Office.onReady and tells where the pane runs. Never rejects. */
export async function waitForOffice(options: WaitOptions = {}): Promise<OfficeStart> {
  const absentMs = options.absentMs ?? 1500;
  const readyMs = options.readyMs ?? 10_000;
  let office = officeGlobal();
  for (let waited = 0; !office && waited < absentMs; waited += 100) {
    await sleep(100);
    office = officeGlobal();
  }
  if (!office) return { kind: 'no-office' };
  const info = await ready(office, readyMs);
  if (!info) return { kind: 'no-office' };
  return isExcel(info) ? { kind: 'excel', info } : { kind: 'elsewhere', info };
}

function ready(office: LooseOffice, timeoutMs: number): Promise<ReadyInfo | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    const done = (info: ReadyInfo | undefined) => {
      clearTimeout(timer);
      resolve(info ?? {});
    };
    try {
      if (typeof office.onReady === 'function') {
        const result = office.onReady((info) => done(info));
        if (result && typeof (result as Promise<ReadyInfo>).then === 'function') {
          (result as Promise<ReadyInfo>).then(done, () => done(undefined));
        }
      } else {
        // Very old office.js: Office.initialize is the only signal.
        office.initialize = () => done({});
      }
    } catch {
      clearTimeout(timer);
      resolve(undefined);
    }
  });
}

/** In Excel: Office says so, or (a stand-in that leaves `host` out) the Excel API is there. */
function isExcel(info: ReadyInfo): boolean {
  if (info.host) return String(info.host).toLowerCase() === 'excel';
  return typeof (globalThis as { Excel?: { run?: unknown } }).Excel?.run === 'function';
}

/** Office's theme colours, where the host has them (officeTheme throws or is absent elsewhere). */
export function officeThemeColors(): OfficeTheme | undefined {
  try {
    return officeGlobal()?.context?.officeTheme ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls `onChange` with the new colours when Office's theme changes, where the host raises
 * OfficeThemeChanged (not every one does: elsewhere the theme stays what it was at start).
 */
export function watchOfficeTheme(onChange: (colors: OfficeTheme) => void): void {
  const office = officeGlobal();
  const eventType = office?.EventType?.OfficeThemeChanged;
  const document = office?.context?.document;
  if (!eventType || typeof document?.addHandlerAsync !== 'function') return;
  try {
    document.addHandlerAsync(eventType, (args) => {
      const colors = args.officeTheme ?? officeThemeColors();
      if (colors) onChange(colors);
    });
  } catch {
    // not supported in this host
  }
}
