/// <reference types="office-js" />
import type { IsSetSupported } from './cell-notes';
import { failure, toExcelFailure } from './excel-errors';

/** The part of the `Excel` namespace the gateways use: Office.js's own, or a test double. */
export type ExcelHost = Pick<typeof Excel, 'run'>;

export interface OfficeSessionOptions {
  /** Defaults to the global `Excel`, looked up at each call (office.js may load after this module). */
  excel?: ExcelHost;
  /** Defaults to Office.context.requirements.isSetSupported. */
  isSetSupported?: IsSetSupported;
}

function globalIsSetSupported(): IsSetSupported | undefined {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: IsSetSupported } } } }).Office;
  const requirements = office?.context?.requirements;
  return requirements?.isSetSupported ? (name, version) => requirements.isSetSupported!(name, version) : undefined;
}

/** What the sheet's gateway and the council's sheets share: the host, its requirement sets, and a count of round trips. */
export abstract class OfficeSession<Options extends OfficeSessionOptions> {
  private syncs = 0;

  constructor(protected readonly options: Options) {}

  get syncCount(): number {
    return this.syncs;
  }

  /** Every round trip goes through here, so syncCount is exact. */
  protected readonly sync = async (context: Excel.RequestContext): Promise<void> => {
    this.syncs += 1;
    await context.sync();
  };

  protected excel(): ExcelHost {
    const excel = this.options.excel ?? (globalThis as { Excel?: ExcelHost }).Excel;
    if (!excel) throw failure('ExcelNotAvailable');
    return excel;
  }

  /**
   * One Excel.run, errors as ExcelFailure. delayForCellEdit: a batch waits while the user edits a cell
   * instead of failing. A failed batch may have left the add-in's events off: they go back on.
   */
  protected async excelRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const excel = this.excel();
    try {
      return await excel.run({ delayForCellEdit: true }, batch);
    } catch (error) {
      await excel
        .run(async (context) => {
          context.runtime.enableEvents = true;
          await this.sync(context);
        })
        .catch(() => undefined);
      throw toExcelFailure(error);
    }
  }

  protected isSetSupported(name: string, version: string): boolean {
    const check = this.options.isSetSupported ?? globalIsSetSupported();
    return check ? check(name, version) : false;
  }
}
