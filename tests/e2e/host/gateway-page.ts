/**
 * A page without the pane: the add-in's Excel gateway (addin/src/excel) bundled on its own, over the
 * stand-in host's globals, so that the host can be proven against exactly the code that will drive it
 * (tests/e2e/host.test.ts) before and apart from the pane's UI.
 */
import { createOfficeGateway, type OfficeGatewayOptions } from '../../../addin/src/excel/office-gateway';
import { ExcelFailure } from '../../../addin/src/excel/gateway';
import { SEED_CAMPAIGN } from '../../../shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS } from '../../../shared/seed/demo-office';
import { buildColumns } from '../../../shared/sheet/columns';

const columns = buildColumns({ campaign: SEED_CAMPAIGN, units: DEMO_UNITS, people: DEMO_PEOPLE });

const page = {
  columns,
  headers: columns.map((column) => column.header),
  create: (options: Omit<OfficeGatewayOptions, 'excel'> = {}) => createOfficeGateway({ editDebounceMs: 0, ...options }),
  /** An error as the pane would see it: its code and the Vietnamese message. */
  describe(error: unknown): { code: string; vi: string; message: string } {
    if (error instanceof ExcelFailure) return { code: error.code, vi: error.userMessage.vi, message: error.message };
    return { code: 'NotExcelFailure', vi: '', message: String(error) };
  },
};

declare global {
  interface Window {
    thiduaGateway?: typeof page;
    Excel?: unknown;
    Office?: unknown;
  }
}

window.thiduaHost!.attachPane(window);
window.thiduaGateway = page;

export type GatewayPage = typeof page;
