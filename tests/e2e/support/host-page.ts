import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import type { CellInfo, HostStats, TableInfo, ThiduaHost } from '#tests/e2e/host/types';
import { newPage, type PageLog } from './browser';
import { header, TABLE } from './rows';
import type { E2eServer } from './server';

/**
 * One stand-in Excel window with the add-in's pane, in its own browser context (its own localStorage,
 * so its own signed-in user), and the steps a person takes in it. Waits read the pane's controller
 * (window.THIDUA_PANE, set by the boot in a local environment) and the host's model, never sleep.
 */

/** The part of the pane's state the tests read (addin/src/app/core/pane-types.ts). */
export interface PaneView {
  language: 'vi' | 'en';
  auth: { status: string; error?: { vi: string } };
  user?: { email: string; role: string; unitId?: string };
  sheet: 'none' | 'ready' | 'other-campaign';
  busy: boolean;
  saving: boolean;
  autosave: boolean;
  unsavedRows: number;
  edited: boolean;
  lastSave?: { at: string; saved: number; conflicts: number; refused: number; deleted: number; errors: number; warnings: number };
  syncCount: number;
  lastSaveSyncs?: number;
  retry?: { attempt: number; delayMs: number };
  quota: { key: string; used: number; max: number; candidates: number; over: boolean; crowded?: boolean }[];
  issueCounts: { errors: number; warnings: number };
  conflicts: {
    id: string;
    label: string;
    theirsVersion: number;
    theirsVisible: boolean;
    fields: { columnId: string; header: string; mine: string; theirs?: string; differs: boolean }[];
  }[];
  notice?: { vi: string; en: string };
  /** "Hồ sơ đính kèm": the row shown and its documents' files. */
  files?: { nominationId: string; documents: { code: string; files: { name: string }[] }[]; upload?: { sent: number; total: number } };
  refusals?: { reason: { vi: string; en: string }; names: string[] }[];
  error?: { vi: string };
}

/** What a save looked like, recorded in the page when the pane's `saving` went back to false. */
export interface SaveRecord {
  /** Host clock (performance.now() of the host page). */
  startedAt: number;
  endedAt: number;
  state: PaneView;
}

declare global {
  interface Window {
    __paneWatch?: { saves: SaveRecord[]; loads: number; installed: boolean };
  }
}

export class HostPage {
  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    readonly log: PageLog,
    /** The e2e server the page came from; none for a page of the local runner's (its /demo/). */
    readonly server: E2eServer | undefined,
  ) {}

  static open(
    browser: Browser,
    server: E2eServer,
    query: Record<string, string | number> = {},
    viewport?: { width: number; height: number },
  ): Promise<HostPage> {
    return HostPage.at(browser, server.hostUrl(query), server, viewport);
  }

  /** The stand-in host at `url`, once its pane's controller is there. */
  static async at(browser: Browser, url: string, server?: E2eServer, viewport?: { width: number; height: number }): Promise<HostPage> {
    const { context, page, log } = await newPage(browser, viewport ? { viewport } : {});
    await page.goto(url);
    await page.waitForFunction(() => !!window.thiduaHost);
    const host = new HostPage(page, context, log, server);
    await page.waitForFunction(
      () => {
        const frame = document.getElementById('pane') as HTMLIFrameElement | null;
        return !!(frame?.contentWindow as (Window & { THIDUA_PANE?: unknown }) | null)?.THIDUA_PANE;
      },
      undefined,
      { timeout: 30_000 },
    );
    await host.installWatch();
    return host;
  }

  get pane(): FrameLocator {
    return this.page.frameLocator('#pane');
  }

  paneFrame(): Frame {
    const frame = this.page.frame({ name: 'pane' });
    if (!frame) throw new Error('the pane frame is not there');
    return frame;
  }

  /** Runs a function against the host's test API in the page. */
  host<R, A = undefined>(fn: (host: ThiduaHost, arg: A) => R, arg?: A): Promise<R> {
    return this.page.evaluate(
      ({ source, arg: value }) => {
        const run = new Function('host', 'arg', `return (${source})(host, arg);`) as (host: ThiduaHost, arg: unknown) => R;
        return run(window.thiduaHost!, value);
      },
      { source: fn.toString(), arg: arg as unknown },
    ) as Promise<R>;
  }

  stats(): Promise<HostStats> {
    return this.host((host) => host.stats());
  }

  table(): Promise<TableInfo> {
    return this.host((host, name) => host.table(name)!, TABLE);
  }

  tableValues(): Promise<(string | number | boolean)[][]> {
    return this.host((host, name) => host.tableValues(name), TABLE);
  }

  column(columnId: string): Promise<CellInfo[]> {
    return this.host((host, arg) => host.tableColumn(arg.table, arg.header), { table: TABLE, header: header(columnId) });
  }

  fills(): Promise<(string | null)[]> {
    return this.host((host, name) => host.tableFills(name), TABLE);
  }

  state(): Promise<PaneView> {
    return this.page.evaluate(() => {
      const frame = document.getElementById('pane') as HTMLIFrameElement;
      const pane = (frame.contentWindow as Window & { THIDUA_PANE: { getState(): unknown } }).THIDUA_PANE;
      return JSON.parse(JSON.stringify(pane.getState())) as PaneView;
    });
  }

  /** Records each save (saving true → false) in the page, with the host's clock. */
  private async installWatch(): Promise<void> {
    await this.page.evaluate(() => {
      if (window.__paneWatch?.installed) return;
      const watch = { saves: [] as SaveRecord[], loads: 0, installed: true };
      window.__paneWatch = watch;
      const frame = document.getElementById('pane') as HTMLIFrameElement;
      const pane = (frame.contentWindow as Window & { THIDUA_PANE: { getState(): PaneView; subscribe(listener: () => void): () => void } })
        .THIDUA_PANE;
      let saving = pane.getState().saving;
      let busy = pane.getState().busy;
      let startedAt = 0;
      pane.subscribe(() => {
        const state = pane.getState();
        if (state.saving && !saving) startedAt = performance.now();
        if (!state.saving && saving)
          watch.saves.push({ startedAt, endedAt: performance.now(), state: JSON.parse(JSON.stringify(state)) as PaneView });
        if (!state.busy && busy) watch.loads += 1;
        saving = state.saving;
        busy = state.busy;
      });
    });
  }

  saveCount(): Promise<number> {
    return this.page.evaluate(() => window.__paneWatch!.saves.length);
  }

  saves(): Promise<SaveRecord[]> {
    return this.page.evaluate(() => window.__paneWatch!.saves);
  }

  /** Waits until the pane's state satisfies `predicate` (a function of the state, run in the page). */
  async waitForState(predicate: (state: PaneView) => boolean, timeout = 60_000): Promise<PaneView> {
    await this.page.waitForFunction(
      (source) => {
        const frame = document.getElementById('pane') as HTMLIFrameElement;
        const pane = (frame.contentWindow as Window & { THIDUA_PANE: { getState(): PaneView } }).THIDUA_PANE;
        return (new Function('state', `return (${source})(state);`) as (state: PaneView) => boolean)(pane.getState());
      },
      predicate.toString(),
      { timeout, polling: 50 },
    );
    return this.state();
  }

  /** Waits for the n-th save (1-based, counted since the page opened) to finish. */
  async waitForSave(n: number, timeout = 60_000): Promise<SaveRecord> {
    await this.page.waitForFunction((count) => (window.__paneWatch?.saves.length ?? 0) >= count, n, { timeout, polling: 50 });
    return (await this.saves())[n - 1]!;
  }

  // ---- A person's steps in the pane

  async signIn(email: string): Promise<void> {
    await this.pane.getByLabel('Tài khoản mẫu').selectOption(email);
    await this.pane.getByRole('button', { name: 'Đăng nhập' }).click();
    await this.waitForState((state) => state.auth.status === 'signed-in' && !!state.user);
  }

  async setAutosave(on: boolean): Promise<void> {
    const toggle = this.pane.getByRole('switch', { name: 'Tự động lưu' });
    if ((await toggle.isChecked()) !== on) await toggle.click();
    await this.waitForState(new Function('state', `return state.autosave === ${on};`) as (state: PaneView) => boolean);
  }

  /** "Mở bảng tổng hợp": the sheet laid out and loaded from the server. */
  async openSheet(): Promise<PaneView> {
    const before = await this.page.evaluate(() => window.__paneWatch!.loads);
    await this.pane.getByRole('button', { name: 'Mở bảng tổng hợp' }).click();
    await this.page.waitForFunction((count) => window.__paneWatch!.loads > count, before, { timeout: 60_000 });
    return this.waitForState((state) => state.sheet === 'ready' && !state.busy);
  }

  /** Clicks "Lưu" ("Save" in an English pane) and waits for that save to finish. */
  async save(button = 'Lưu'): Promise<SaveRecord> {
    const before = await this.saveCount();
    await this.pane.getByRole('button', { name: button, exact: true }).click();
    return this.waitForSave(before + 1);
  }

  /** Picks the pane's language in its switch. */
  async setLanguage(language: 'vi' | 'en'): Promise<void> {
    await this.pane.getByRole('combobox', { name: /^(Ngôn ngữ|Language)$/ }).selectOption(language);
    await this.waitForState(new Function('state', `return state.language === '${language}';`) as (state: PaneView) => boolean);
  }

  // ---- A person's steps in the sheet

  /** The sheet row (0-based) of the table body row holding this id, or -1. */
  async rowOfId(id: string): Promise<number> {
    const ids = await this.column('id');
    const index = ids.findIndex((cell) => cell.value === id);
    if (index < 0) return -1;
    const table = await this.table();
    return table.top + 1 + index;
  }

  private cell(row: number, column: number) {
    return this.page.locator(`td[data-r="${row}"][data-c="${column}"]`);
  }

  /** Double-clicks a cell, replaces its content by typing, and presses Enter (as a person does). */
  async editCell(row: number, column: number, text: string): Promise<void> {
    await this.host((host, at) => host.reveal(at.row, at.column), { row, column });
    await this.cell(row, column).dblclick();
    const editor = this.page.getByTestId('cell-editor');
    await editor.waitFor();
    await editor.fill(text);
    await editor.press('Enter');
    await editor.waitFor({ state: 'detached' });
  }

  /** Selects a cell by clicking it, as a person does. */
  async selectCell(row: number, column: number): Promise<void> {
    await this.host((host, at) => host.reveal(at.row, at.column), { row, column });
    await this.cell(row, column).click();
  }

  /** Selects a cell, opens its dropdown (data validation list) and picks an option. */
  async pickFromList(row: number, column: number, option: string): Promise<void> {
    await this.host((host, at) => host.reveal(at.row, at.column), { row, column });
    await this.cell(row, column).click();
    await this.cell(row, column).locator('[data-dd]').click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Pastes rows of input cells under the table's last filled row (into its blank row if it has only that). */
  async pasteRows(rows: (string | number | null)[][]): Promise<{ row: number; column: number; rows: number; columns: number }> {
    return this.host(
      (host, arg) => {
        const table = host.table(arg.table)!;
        const values = host.tableValues(arg.table);
        const blank = values.length === 1 && values[0]!.every((value) => value === '');
        const row = table.top + 1 + (blank ? 0 : table.rowCount);
        return host.paste(row, table.left, arg.rows);
      },
      { table: TABLE, rows },
    );
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
