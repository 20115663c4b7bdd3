import { localized } from '#addin/i18n/index';
import { isApiRequestError } from '#addin/api/index';
import { withBusy } from '#addin/app/core/busy';
import type { PaneCore } from '#addin/app/core/pane-core';
import type { PlanCellMessage, PlanSheets } from '#addin/excel/office-plan-sheet';
import type { StoredCampaign } from '#shared/api/campaign';
import type { Campaign } from '#shared/campaign';
import { todayInVietnam } from '#shared/dates';
import type { Localized } from '#shared/localized';
import { buildColumns } from '#shared/sheet/columns';
import { cellName, planGrid } from '#shared/sheet/plan/plan-layout';
import { readPlan, type PlanReading } from '#shared/sheet/plan/plan-reading';
import { deriveCampaign, fromTemplate } from '#shared/templates/index';
import { stageView } from '#addin/app/stage/stage-view';
import type { PlanActions } from './plan-state';

export type { PlanActions, PlanSource, PlanState } from './plan-state';

/** The plan without the server's fields (the stage is moved by its own route): what the sheet's reading is laid over. */
const planOf = ({ version: _version, updatedAt: _updatedAt, stage: _stage, ...campaign }: StoredCampaign): Campaign => campaign;

interface ChangeRefusal {
  path: (string | number)[];
  message: Localized;
}

/**
 * The "Kế hoạch" section (an administrator edits; HR opens the sheet read-only): the plan written to
 * the sheet from shared/sheet/plan, read back and checked there, each finding written beside its cell
 * (in the workbook's language, Vietnamese), saved over the version opened; a conflict offers their
 * version or an overwrite; a change the server refuses names its rows at the cell it points at.
 */
export function createPlan(core: PaneCore, sheets: PlanSheets, useCampaign: (id: string) => Promise<void>): PlanActions {
  const { api, store, memory } = core;
  let opened: StoredCampaign | undefined;
  let mine: Campaign | undefined;
  const isAdmin = () => store.state.user?.role === 'admin';

  const run = (work: () => Promise<void>) => core.track(core.exclusive(() => withBusy(core, work)));

  async function show(campaign: StoredCampaign): Promise<void> {
    opened = campaign;
    mine = undefined;
    await sheets.writePlan(planGrid(campaign), { readOnly: !isAdmin() });
    store.set({
      plan: { opened: { id: campaign.id, version: campaign.version } },
      notice: localized(isAdmin() ? 'plan.opened' : 'plan.openedReadOnly', { title: campaign.title, version: campaign.version }),
    });
  }

  /**
   * The saved plan becomes the pane's campaign when it is the one chosen: a stage move is made from
   * its version (the old one is refused as a conflict), and the sheet's rules read its dates, forms
   * and criteria. Run inside the pane's one-at-a-time rule, as a campaign's choice is.
   */
  function adopt(stored: StoredCampaign): void {
    if (memory.campaign?.id !== stored.id) return;
    memory.campaign = stored;
    if (memory.ctx) {
      memory.ctx = { ...memory.ctx, campaign: stored };
      memory.columns = buildColumns(memory.ctx);
    }
    store.set({ stage: stageView(store.state.user, stored) });
  }

  async function messages(reading: PlanReading, rows: number, found: { row: number; column: number; message: Localized }[]) {
    const texts: PlanCellMessage[] = found.map((issue) => ({
      ...issue,
      text: `${cellName(issue.row, issue.column)}: ${issue.message.vi}`,
    }));
    await sheets.writeMessages(texts, reading.messageColumn, rows);
  }

  async function send(campaign: Campaign, version: number, reading: PlanReading, rows: number): Promise<void> {
    try {
      const stored = await api.updateCampaign(campaign, version);
      opened = stored;
      mine = undefined;
      adopt(stored);
      store.set({
        plan: { opened: { id: stored.id, version: stored.version } },
        notice: localized('plan.saved', { version: stored.version }),
      });
    } catch (error) {
      if (!isApiRequestError(error)) throw error;
      const details = error.details as { current?: StoredCampaign; refusals?: ChangeRefusal[] } | undefined;
      if (error.code === 'VERSION_CONFLICT' && details?.current) {
        mine = campaign;
        opened = details.current;
        store.set({
          plan: { ...store.state.plan, conflict: { version: details.current.version } },
          notice: localized('plan.conflict', { version: details.current.version }),
        });
        return;
      }
      if (details?.refusals) {
        await messages(
          reading,
          rows,
          details.refusals.map((refusal) => ({ ...reading.cellOf(refusal.path), message: refusal.message })),
        );
        store.set({ notice: localized('plan.refused', {}, { message: error.localized }) });
        return;
      }
      throw error;
    }
  }

  return {
    create: (source, names) =>
      run(async () => {
        const today = todayInVietnam(core.now());
        const campaign =
          'template' in source
            ? fromTemplate(source.template, names, today)
            : deriveCampaign(await api.campaign(source.copyOf), names, today);
        const stored = await api.createCampaign(campaign);
        memory.campaigns = [...memory.campaigns, stored];
        store.set({ campaigns: [...store.state.campaigns, { id: stored.id, title: stored.title }] });
        await show(stored);
        store.set({ notice: localized('plan.created', { title: stored.title }) });
        void useCampaign(stored.id);
      }),
    open: () =>
      run(async () => {
        const id = store.state.campaignId;
        if (id) await show(await api.campaign(id));
      }),
    save: () =>
      run(async () => {
        if (!isAdmin()) return;
        const values = await sheets.readPlan();
        if (!values || !opened) return store.set({ notice: localized('plan.notOpened') });
        const reading = readPlan(values, planOf(opened));
        await messages(reading, values.length, reading.issues);
        if (!reading.campaign) return store.set({ notice: localized('plan.cellsWrong', { n: reading.issues.length }) });
        await send(reading.campaign, opened.version, reading, values.length);
      }),
    reload: () =>
      run(async () => {
        // The version now in force (a conflict's, or anyone's since): the sheet's edits give way to it.
        if (opened) await show(await api.campaign(opened.id));
      }),
    overwrite: () =>
      run(async () => {
        const values = await sheets.readPlan();
        if (!mine || !opened || !values) return;
        await send(mine, opened.version, readPlan(values, planOf(opened)), values.length);
      }),
  };
}
