import { describe, expect, it } from 'vitest';
import { EXCEL_ERROR_MESSAGES } from '#addin/excel/excel-errors';
import { ExcelFailure } from '#addin/excel/gateway';
import { createOfficeGateway, type ExcelHost } from '#addin/excel/office-gateway';
import { columns } from './sheet-fixtures';

// The gateway's errors by their Office.js code, from an Excel.run that fails before any request: the
// stand-in host (office-gateway.test.ts) raises the same codes inside a request.
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
