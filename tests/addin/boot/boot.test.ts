import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadRuntimeConfig, parseConfig } from '#addin/boot/config';
import { officeThemeColors, waitForOffice, watchOfficeTheme } from '#addin/boot/office';

/** The pane's boot: where it runs (real office.js, a test's stand-in, or none) and how it is configured. */
const globals = globalThis as { Office?: unknown; Excel?: unknown };

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
});

describe('waitForOffice', () => {
  it('says there is no Office when office.js never came', async () => {
    expect(await waitForOffice({ absentMs: 50 })).toEqual({ kind: 'no-office' });
  });

  it('takes a promise-only onReady', async () => {
    globals.Office = { onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }) };
    expect(await waitForOffice({ absentMs: 0 })).toEqual({ kind: 'excel', info: { host: 'Excel', platform: 'OfficeOnline' } });
  });

  it('takes a callback-only onReady (a stand-in that returns nothing)', async () => {
    globals.Office = { onReady: (callback: (info: object) => void) => setTimeout(() => callback({ host: 'Excel', platform: 'PC' }), 5) };
    expect((await waitForOffice({ absentMs: 0 })).kind).toBe('excel');
  });

  it('waits for a stand-in defined a little after the module ran', async () => {
    setTimeout(() => {
      globals.Office = { onReady: () => Promise.resolve({ host: 'Excel' }) };
    }, 30);
    expect((await waitForOffice({ absentMs: 1000 })).kind).toBe('excel');
  });

  it('is elsewhere outside Excel: office.js in a browser answers host null', async () => {
    globals.Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };
    expect(await waitForOffice({ absentMs: 0 })).toEqual({ kind: 'elsewhere', info: { host: null, platform: null } });
    globals.Office = { onReady: () => Promise.resolve({ host: 'Word', platform: 'PC' }) };
    expect((await waitForOffice({ absentMs: 0 })).kind).toBe('elsewhere');
  });

  it('counts a stand-in without host as Excel when Excel.run is there', async () => {
    globals.Office = { onReady: () => Promise.resolve({}) };
    globals.Excel = { run: async () => undefined };
    expect((await waitForOffice({ absentMs: 0 })).kind).toBe('excel');
  });

  it('gives up on an onReady that never answers or throws', async () => {
    globals.Office = { onReady: () => new Promise(() => undefined) };
    expect(await waitForOffice({ absentMs: 0, readyMs: 30 })).toEqual({ kind: 'no-office' });
    globals.Office = {
      onReady: () => {
        throw new Error('broken');
      },
    };
    expect(await waitForOffice({ absentMs: 0 })).toEqual({ kind: 'no-office' });
  });
});

describe('Office theme', () => {
  it('reads the colours where the host has them, and nothing where it throws', () => {
    expect(officeThemeColors()).toBeUndefined();
    globals.Office = { context: { officeTheme: { isDarkTheme: true, bodyBackgroundColor: '#1f1f1f' } } };
    expect(officeThemeColors()).toEqual({ isDarkTheme: true, bodyBackgroundColor: '#1f1f1f' });
    globals.Office = {
      context: {
        get officeTheme() {
          throw new Error('not in this host');
        },
      },
    };
    expect(officeThemeColors()).toBeUndefined();
  });

  it('follows OfficeThemeChanged where the host raises it', () => {
    let handler: ((args: { officeTheme?: object }) => void) | undefined;
    globals.Office = {
      EventType: { OfficeThemeChanged: 'officeThemeChanged' },
      context: { document: { addHandlerAsync: (_type: unknown, h: typeof handler) => (handler = h) } },
    };
    const seen: object[] = [];
    watchOfficeTheme((colors) => seen.push(colors));
    handler!({ officeTheme: { isDarkTheme: true } });
    expect(seen).toEqual([{ isDarkTheme: true }]);
  });
});

describe('runtime config', () => {
  it('is the dev sign-in behind /api for npm start', () => {
    expect(parseConfig({ environment: 'local', apiBaseUrl: '/api', auth: { mode: 'dev' } })).toEqual({
      environment: 'local',
      apiBaseUrl: '/api',
      auth: { mode: 'dev' },
    });
  });

  it('is Microsoft sign-in in production, scopes split, trailing slash dropped', () => {
    expect(
      parseConfig({
        apiBaseUrl: 'https://abc.execute-api.ap-southeast-1.amazonaws.com/',
        auth: {
          mode: 'microsoft',
          clientId: 'client',
          authority: 'https://login.microsoftonline.com/tenant',
          scopes: 'api://x/access_as_user, offline_access',
        },
      }),
    ).toEqual({
      environment: 'production',
      apiBaseUrl: 'https://abc.execute-api.ap-southeast-1.amazonaws.com',
      auth: {
        mode: 'microsoft',
        clientId: 'client',
        authority: 'https://login.microsoftonline.com/tenant',
        scopes: ['api://x/access_as_user', 'offline_access'],
      },
    });
  });

  it('says what a production build lacks', () => {
    expect(() => parseConfig({ auth: { mode: 'microsoft', scopes: 'api://x/y' } })).toThrow(ConfigError);
    expect(() => parseConfig({ auth: { mode: 'microsoft', clientId: 'client' } })).toThrow(/scope/);
    expect(() => parseConfig({ auth: { mode: 'other' } })).toThrow(/auth.mode/);
  });

  it('prefers the injected config, then config.json, then the build’s values', async () => {
    const fromFile = { apiBaseUrl: 'https://api.example', auth: { mode: 'microsoft', clientId: 'file', scopes: ['s'] } };
    const builtIn = { apiBaseUrl: 'https://built.example', auth: { mode: 'microsoft', clientId: 'built', scopes: ['s'] } };
    expect((await loadRuntimeConfig({ injected: { environment: 'local' }, fetchJson: async () => fromFile, builtIn })).auth).toEqual({
      mode: 'dev',
    });
    expect((await loadRuntimeConfig({ injected: undefined, fetchJson: async () => fromFile, builtIn })).apiBaseUrl).toBe(
      'https://api.example',
    );
    expect((await loadRuntimeConfig({ injected: undefined, fetchJson: async () => undefined, builtIn })).apiBaseUrl).toBe(
      'https://built.example',
    );
  });
});
