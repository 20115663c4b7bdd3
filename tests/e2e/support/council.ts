import { vi } from 'vitest';
import type { SaveBatchResult } from '#shared/api/index';
import type { Campaign } from '#shared/campaign';
import type { CampaignStage } from '#shared/campaign-stage';
import type { Nomination, NominationChange } from '#shared/nomination';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { moveCampaignTo } from '#tests/support/stage';
import type { HostPage, PaneView } from './host-page';
import { ADMIN, HR, SECRETARY } from './people';
import { SHEET } from './rows';
import type { E2eSuite } from './suite';

/**
 * Steps of the governance and council scenarios (issue 8): a campaign of the scenario's own (a copy
 * of the seed's plan), rows and votes set up through the API, the pane's buttons clicked and waited
 * for, the ballot sheet filled in as the secretary types the marks.
 */

/** The pane's state with the parts the council scenarios read. */
export type CouncilView = PaneView & {
  campaignId?: string;
  council?: { round?: { number: number; status: string; result?: { forms: { tie?: { nominationIds: string[] } }[] } } };
  /** The last document generated from the "Văn bản" section, with its register record. */
  document?: { name: string; record?: { numberLine: string; status: string } };
};

let made = 0;

/** A campaign of the scenario's own (the seed's plan under another id), with what to do in it. */
export async function scenarioCampaign(suite: E2eSuite, change: Partial<Campaign> = {}) {
  const id = `kich-ban-${Date.now().toString(36)}-${made++}`;
  const admin = await suite.api.tokenFor(ADMIN);
  const created = await suite.api.request('POST', '/campaigns', { token: admin, body: { ...SEED_CAMPAIGN, ...change, id } });
  if (created.status !== 201) throw new Error(`campaign not made: ${created.status} ${created.text}`);
  // Made in draft; the scenarios start where the units send their dossiers.
  await moveCampaignTo(suite.api, 'open', id);
  const path = `/campaigns/${id}`;
  const call = async <T>(method: string, url: string, email: string, body?: unknown): Promise<T> => {
    const answer = await suite.api.request<T>(method, url, { token: await suite.api.tokenFor(email), body });
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
    return answer.body;
  };
  return {
    id,
    /** Saves rows through the API as `email`; the ids of the saved rows, in order. */
    async seed(rows: NominationChange[], email = HR): Promise<string[]> {
      const result = await call<SaveBatchResult>('POST', `${path}/nominations/batch`, email, { rows });
      return result.rows.map((row) => row.id!);
    },
    async nominations(email = HR): Promise<Nomination[]> {
      return (await call<{ items: Nomination[] }>('GET', `${path}/nominations`, email)).items;
    },
    /** A round over the eligible rows, every one of the nine members marking `chosen`, counted and confirmed. */
    /** Moves the campaign forward to `to`, as HR would from the pane. */
    stage: (to: CampaignStage) => moveCampaignTo(suite.api, to, id),
    async vote(chosen: readonly string[]): Promise<void> {
      await moveCampaignTo(suite.api, 'under_review', id);
      const round = await call<{ id: string }>('POST', `${path}/rounds`, SECRETARY, { attendance: { present: 9, writtenVotes: 0 } });
      const marks = Object.fromEntries(chosen.map((nominationId) => [nominationId, 'x']));
      const ballots = Array.from({ length: 9 }, (_, i) => ({ number: i + 1, marks }));
      await call('PUT', `${path}/rounds/${round.id}/ballots`, SECRETARY, { ballots });
      const tallied = await call<{ version: number }>('POST', `${path}/rounds/${round.id}/tally`, SECRETARY);
      await call('POST', `${path}/rounds/${round.id}/confirm`, SECRETARY, { version: tallied.version });
    },
    /** A host window signed in as `email` with this campaign chosen and, unless asked not to, its sheet opened. */
    async open(email: string, options: { sheet?: boolean } = {}): Promise<HostPage> {
      const excel = await suite.openHost(email);
      await excel.pane.getByRole('combobox', { name: 'Đợt thi đua' }).selectOption(id);
      await waitForPane(excel, (state) => state.campaignId === id, `campaign ${id}`);
      if (options.sheet !== false) await excel.openSheet();
      return excel;
    },
  };
}

/** Polls the pane's state (in node, so the condition may use the test's values) until it holds. */
export function waitForPane(excel: HostPage, holds: (state: CouncilView) => boolean, what: string, timeout = 60_000): Promise<CouncilView> {
  return vi.waitFor(
    async () => {
      const state = (await excel.state()) as CouncilView;
      if (!holds(state)) throw new Error(`waiting for ${what}: ${JSON.stringify({ notice: state.notice, error: state.error })}`);
      return state;
    },
    { timeout, interval: 100 },
  );
}

/** The pane's banners (error, then notice), in Vietnamese. */
export const banners = (state: PaneView): string => [state.error?.vi, state.notice?.vi].filter((text) => !!text).join('\n');

/** Clicks one of the pane's buttons and waits until the pane is idle with a banner matching `until`. */
export async function clickInPane(
  excel: HostPage,
  label: string,
  until: RegExp,
  timeout?: number,
  /** The pane's section to look in, by its heading, where another section has a button of that name. */
  section?: string,
): Promise<CouncilView> {
  const scope = section ? excel.pane.getByRole('region', { name: section }) : excel.pane;
  await scope.getByRole('button', { name: label, exact: true }).click();
  return waitForPane(excel, (state) => !state.busy && !state.saving && until.test(banners(state)), `"${label}" → ${until}`, timeout);
}

/** Selects the sheet rows of these nomination ids (one area each, as with Ctrl+click). */
export async function selectRowsOf(excel: HostPage, ids: readonly string[]): Promise<number[]> {
  const rows = await Promise.all(ids.map((id) => excel.rowOfId(id)));
  if (rows.some((row) => row < 0)) throw new Error(`not every row is in the sheet: ${ids.join(', ')}`);
  await excel.host(
    (host, arg) =>
      host.select(
        arg.sheet,
        arg.rows.map((row) => ({ row, column: 0 })),
      ),
    { sheet: SHEET, rows },
  );
  return rows;
}

/** The status cell's text of each id's row. */
export async function statusesOf(excel: HostPage, ids: readonly string[]): Promise<string[]> {
  const [idCells, statusCells] = await Promise.all([excel.column('id'), excel.column('status')]);
  return ids.map((id) => statusCells[idCells.findIndex((cell) => cell.value === id)]?.text ?? '(no row)');
}

/** The workbook's sheet names. */
export async function sheetNames(excel: HostPage): Promise<string[]> {
  return excel.host((host) => host.sheets().map((sheet) => sheet.name));
}

/** Ballot numbers from `first` to `last` (1-based, both included). */
export const ballotNumbers = (first: number, last: number): number[] => Array.from({ length: last - first + 1 }, (_, i) => first + i);

/**
 * The secretary types the marks into the ballot sheet: for each candidate (by the start of its header,
 * the nominee's name before the unit's), a mark on each of the given ballots (by number, 1-based).
 */
export async function markBallots(excel: HostPage, sheet: string, votes: Record<string, readonly number[]>): Promise<void> {
  const headers = await excel.host((host, name) => Array.from({ length: 40 }, (_, column) => host.cell(name, 1, column).text), sheet);
  const cells: { row: number; column: number }[] = [];
  for (const [name, ballots] of Object.entries(votes)) {
    const column = headers.findIndex((header) => header === name || header.startsWith(`${name} (`));
    if (column < 1) throw new Error(`no candidate ${name} on ${sheet}: ${headers.filter((h) => h).join(' | ')}`);
    // Two header rows, then ballot 1.
    for (const number of ballots) cells.push({ row: 1 + number, column });
  }
  await excel.host(
    (host, arg) => {
      for (const cell of arg.cells) host.paste(cell.row, cell.column, [['x']], arg.sheet);
    },
    { sheet, cells },
  );
}
