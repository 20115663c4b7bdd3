/**
 * The task pane's boot: waits for Office, reads how this copy is served (boot/config.ts), makes the
 * Excel gateway, the API client and the sign-in, starts the controller and renders the App in Office's
 * theme. Outside Excel (a plain browser, no network for office.js) it says, in Vietnamese first, to
 * open the pane inside Excel. A test host page may define a stand-in `Office`/`Excel` before this
 * module runs: only `Office.onReady` (callback or promise) and, optionally, `Office.context` are used.
 */
import { FluentProvider } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createPane, createServices, type PaneController } from './app/index';
import type { KeyValueStorage } from './auth/index';
import { BootMessage, type BootProblem } from './boot/BootMessage';
import { ConfigError, loadRuntimeConfig, type RuntimeConfig } from './boot/config';
import { officeThemeColors, waitForOffice, watchOfficeTheme } from './boot/office';
import { createOfficeCouncilSheets } from './excel/office-council-sheets';
import { createOfficePlanSheets } from './excel/office-plan-sheet';
import { createOfficeOrgSheets } from './excel/office-org-sheets';
import { createOfficeStatisticsSheets } from './excel/office-statistics-sheets';
import { createOfficeGateway } from './excel/office-gateway';
import { App, themeFromOffice, type PaneTheme } from './ui/App';
import { fluentTheme } from './ui/theme';

declare global {
  interface Window {
    /** Local runs only (npm start): the controller, for tests and the browser's console. */
    THIDUA_PANE?: PaneController;
  }
}

/** localStorage, or nothing where the webview refuses it (some locked-down hosts throw on access). */
function paneStorage(): KeyValueStorage | undefined {
  try {
    const storage = window.localStorage;
    const probe = 'thidua.probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}

function initialTheme(): PaneTheme {
  const colors = officeThemeColors();
  if (colors) return themeFromOffice(colors);
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The page around the App takes the theme's background too (the App's provider is only as tall as its content). */
function paintPage(theme: PaneTheme): void {
  document.documentElement.style.colorScheme = theme;
  document.body.style.backgroundColor = fluentTheme(theme).colorNeutralBackground1;
}

/** The App, following Office's theme when the host says it changed. */
function ThemedApp({ controller, initial }: { controller: PaneController; initial: PaneTheme }) {
  const [theme, setTheme] = useState(initial);
  useEffect(() => watchOfficeTheme((colors) => setTheme(themeFromOffice(colors))), []);
  useEffect(() => paintPage(theme), [theme]);
  return <App controller={controller} theme={theme} />;
}

function Message({ problem, theme }: { problem: BootProblem; theme: PaneTheme }): ReactNode {
  useEffect(() => paintPage(theme), [theme]);
  return (
    <FluentProvider theme={fluentTheme(theme)} lang="vi" style={{ minHeight: '100vh' }}>
      <BootMessage problem={problem} />
    </FluentProvider>
  );
}

async function boot(render: (node: ReactNode) => void): Promise<void> {
  const [office, config] = await Promise.all([
    waitForOffice(),
    loadRuntimeConfig().catch((error: unknown): ConfigError | Error => (error instanceof Error ? error : new Error(String(error)))),
  ]);
  const theme = initialTheme();
  const runtime: RuntimeConfig | undefined = config instanceof Error ? undefined : config;

  if (office.kind !== 'excel') {
    render(
      <Message
        theme={theme}
        problem={{ kind: 'not-in-excel', officeLoaded: office.kind === 'elsewhere', local: runtime?.environment === 'local' }}
      />,
    );
    return;
  }
  if (!runtime) {
    render(<Message theme={theme} problem={{ kind: 'config', detail: (config as Error).message }} />);
    return;
  }

  const storage = paneStorage();
  const { api, tokens } = createServices({ apiBaseUrl: runtime.apiBaseUrl, auth: runtime.auth, ...(storage ? { storage } : {}) });
  const pane = createPane({
    gateway: createOfficeGateway(),
    councilSheets: createOfficeCouncilSheets(),
    planSheets: createOfficePlanSheets(),
    orgSheets: createOfficeOrgSheets(),
    statisticsSheets: createOfficeStatisticsSheets(),
    api,
    tokens,
    ...(storage ? { storage } : {}),
  });
  if (runtime.environment === 'local') window.THIDUA_PANE = pane;
  window.addEventListener('pagehide', () => void pane.dispose(), { once: true });
  render(<ThemedApp controller={pane} initial={theme} />);
}

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  const render = (node: ReactNode) => root.render(node);
  boot(render).catch((error: unknown) => {
    console.error('thidua: the pane could not start', error);
    render(<Message theme={initialTheme()} problem={{ kind: 'failed', detail: error instanceof Error ? error.message : String(error) }} />);
  });
}
