import { statisticsSheet } from '#shared/sheet/statistics/statistics-sheet';
import { yearlyFormSheets } from '#shared/sheet/statistics/yearly-forms';
import type { StatisticsSheets } from '#addin/excel/office-statistics-sheets';
import { localized } from '#addin/i18n/index';
import { withBusy } from '#addin/app/core/busy';
import type { PaneCore } from '#addin/app/core/pane-core';
import { mayExportYear, type StatisticsActions } from './statistics-access';

/**
 * The statistics section: each action one request to the API and one StatisticsSheets call (two syncs),
 * whatever the campaign's size. What the sheets say is in Vietnamese, whichever language the pane shows.
 */
export function createStatistics(core: PaneCore, sheets: StatisticsSheets): StatisticsActions {
  const { api, store, memory } = core;
  const run = (work: () => Promise<void>) => core.track(core.exclusive(() => withBusy(core, work)));

  async function refresh(): Promise<void> {
    const campaignId = store.state.campaignId;
    if (!campaignId) return;
    await run(async () => {
      const statistics = await api.campaignStatistics(campaignId);
      const unitName = memory.units.find((unit) => unit.id === statistics.unitId)?.name;
      const layout = statisticsSheet(statistics, core.now(), unitName);
      await sheets.writeSheets([layout]);
      const { nominations, awards } = statistics.totals;
      store.set({ notice: localized('statistics.refreshed', { n: nominations, awards, charts: layout.charts.length }) });
    });
  }

  async function exportYear(year: number): Promise<void> {
    if (!mayExportYear(store.state.user)) return;
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      store.set({ notice: localized('statistics.badYear') });
      return;
    }
    await run(async () => {
      const figures = await api.yearlyStatistics(year);
      const layouts = yearlyFormSheets(figures);
      await sheets.writeSheets(layouts);
      store.set({ notice: localized('statistics.exported', { sheets: layouts.length, year: String(year), n: figures.campaigns.length }) });
    });
  }

  return { refresh, exportYear };
}
