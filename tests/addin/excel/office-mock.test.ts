import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { EXCEL_ERROR_MESSAGES } from '#addin/excel/excel-errors';
import { ExcelFailure } from '#addin/excel/gateway';
import { createOfficeGateway, KNOWN_IDS_SETTING, type ExcelHost } from '#addin/excel/office-gateway';
import { TABLE_NAME, type CellValue } from '#shared/sheet/index';
import { columns, typicalRow } from './sheet-fixtures';

/**
 * The read paths on office-addin-mock: its properties answer "Error, property was not loaded" until
 * load() and "Error, context.sync() was not called" until the sync, so these tests fail if the gateway
 * reads anything it did not load, or before its one sync.
 */
function mockExcel(data: Record<string, unknown>) {
  const counter = { syncs: 0 };
  const mock = new OfficeMockObject({
    context: {
      workbook: data,
      runtime: { enableEvents: true },
      sync: async function (this: OfficeMockObject) {
        counter.syncs += 1;
        await OfficeMockObject.prototype.sync.call(this);
      },
    },
    // Excel.run(options?, batch): the batch gets the mock context.
    run: async function (this: { context: unknown }, ...args: unknown[]) {
      return (args.at(-1) as (context: unknown) => Promise<unknown>)(this.context);
    },
  });
  return { mock, counter, excel: mock as unknown as ExcelHost };
}

/** The known ids setting, as office-addin-mock can hold it (no null property: a missing item is its own object). */
function settingsData(stored: Map<string, unknown>) {
  return {
    settings: {
      item: { value: stored.get(KNOWN_IDS_SETTING) ?? '', isNullObject: false },
      missing: { value: '', isNullObject: true },
      getItemOrNullObject(key: string) {
        const self = this as { item: unknown; missing: unknown };
        return key === KNOWN_IDS_SETTING && stored.has(key) ? self.item : self.missing;
      },
    },
  };
}

function tableData(headers: string[], body: CellValue[][], stored = new Map<string, unknown>()) {
  return {
    tables: {
      [TABLE_NAME]: {
        header: { values: [headers] },
        body: { values: body },
        getHeaderRowRange() {
          return (this as { header: unknown }).header;
        },
        getDataBodyRange() {
          return (this as { body: unknown }).body;
        },
      },
      getItem(name: string) {
        return (this as Record<string, unknown>)[name];
      },
    },
    ...settingsData(stored),
  };
}

/** Office.js fills isNullObject at every sync without a load; the mock needs it given. */
function markNullObjects(mock: OfficeMockObject) {
  const settings = (
    mock as unknown as { context: { workbook: { settings: { item: { isNullObject: boolean }; missing: { isNullObject: boolean } } } } }
  ).context.workbook.settings;
  settings.item.isNullObject = false;
  settings.missing.isNullObject = true;
}

describe('readRows on office-addin-mock', () => {
  it('loads the header, the body values and the known ids, then reads them after its single sync', async () => {
    const order = [...columns.keys()].sort((a, b) => (a % 3) - (b % 3) || a - b);
    const body = [typicalRow(0), typicalRow(1)].map((row) => order.map((i) => row[i]!));
    const stored = new Map<string, unknown>([[KNOWN_IDS_SETTING, '["nom-000001","nom-000002"]']]);
    const { mock, excel, counter } = mockExcel(
      tableData(
        order.map((i) => columns[i]!.header),
        body,
        stored,
      ),
    );
    markNullObjects(mock);
    const gateway = createOfficeGateway({ excel });
    const snapshot = await gateway.readRows(columns);
    expect(snapshot).toEqual({ rows: [typicalRow(0), typicalRow(1)], knownIds: ['nom-000001', 'nom-000002'] });
    expect(counter.syncs).toBe(1);
    expect(gateway.syncCount).toBe(1);
  });

  it('a single blank body row is an empty table; no setting, no known ids', async () => {
    const { mock, excel } = mockExcel(
      tableData(
        columns.map((c) => c.header),
        [columns.map(() => '')],
      ),
    );
    markNullObjects(mock);
    expect(await createOfficeGateway({ excel }).readRows(columns)).toEqual({ rows: [], knownIds: [] });
  });
});

describe('Office.js errors become ExcelFailure by their code', () => {
  const failingExcel = (error: unknown) => ({ run: async () => Promise.reject(error) }) as unknown as ExcelHost;
  const officeError = (code: string) =>
    Object.assign(new Error(`localized text that must not matter (${code})`), { code, name: 'RichApi.Error' });

  it.each([
    'ItemNotFound',
    'InvalidArgument',
    'InvalidOperation',
    'AccessDenied',
    'GeneralException',
    'RequestPayloadSizeLimitExceeded',
    'ResponsePayloadSizeLimitExceeded',
    'InvalidOperationInCellEditMode',
    'ApiNotFound',
    'Conflict',
    'ActivityLimitReached',
    'FilteredRangeConflict',
    'NonBlankCellOffSheet',
  ])('%s → its own Vietnamese and English message', async (code) => {
    const gateway = createOfficeGateway({ excel: failingExcel(officeError(code)) });
    const failure = await gateway.readRows(columns).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExcelFailure);
    expect(EXCEL_ERROR_MESSAGES[code]).toBeDefined();
    expect(failure).toMatchObject({ code, userMessage: EXCEL_ERROR_MESSAGES[code] });
  });

  it('each code has a message of its own', () => {
    const messages = Object.values(EXCEL_ERROR_MESSAGES);
    expect(new Set(messages.map((m) => m.vi)).size).toBe(messages.length);
    expect(new Set(messages.map((m) => m.en)).size).toBe(messages.length);
  });

  it('an unknown code keeps its code and gets the general message; an error without one is Unexpected', async () => {
    const unknown = await createOfficeGateway({ excel: failingExcel(officeError('SomethingNew')) })
      .readRows(columns)
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'SomethingNew' });
    expect((unknown as ExcelFailure).userMessage.vi).toMatch(/Excel báo lỗi/);
    const bug = new TypeError('x is undefined');
    const unexpected = await createOfficeGateway({ excel: failingExcel(bug) })
      .readRows(columns)
      .catch((e: unknown) => e);
    expect(unexpected).toMatchObject({ code: 'Unexpected', cause: bug });
  });

  it('outside Excel (no global Excel): ExcelNotAvailable', async () => {
    const failure = await createOfficeGateway()
      .readRows(columns)
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'ExcelNotAvailable' });
  });
});
