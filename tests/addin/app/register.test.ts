import { describe, expect, it } from 'vitest';
import { HISTORY_SHEET, LOOKUP_SHEET } from '#shared/sheet/register-sheets';
import { useTestApi } from '#tests/support/api';
import { freshPaneServer, type PaneServer } from '#tests/support/pane-api';
import { unitClerk } from '#tests/support/rows';
import { staffOf } from './fixtures';
import { FakeOrgSheets } from './fake-org-sheets';
import { HR, openPane } from './harness';

// The real API over DynamoDB Local; the Excel side is the org sheets' double (the register's sheets use the same module).
const api = useTestApi();
const [an] = staffOf('kinh-te');

async function pane(server: PaneServer, email: string) {
  const sheets = new FakeOrgSheets();
  const { controller } = await openPane({ server, email, deps: { orgSheets: sheets } });
  return { sheets, register: controller.actions.register!, state: () => controller.getState() };
}

const historyRows = [
  {
    'Họ và tên / Tên tập thể': an!.fullName,
    'Đơn vị': 'KT',
    'Hình thức khen thưởng': 'Giấy khen',
    'Số quyết định': '12/QĐ-VP',
    'Ngày quyết định': '20/12/2023',
    Năm: 2023,
  },
  {
    'Họ và tên / Tên tập thể': 'Lò Văn Cũ',
    'Đơn vị': 'Phòng Kinh tế',
    'Hình thức khen thưởng': 'Bằng khen',
    'Số quyết định': '=88/QĐ',
    'Ngày quyết định': '04/05/2022',
    Năm: 2021,
  },
  {
    'Họ và tên / Tên tập thể': 'Ma Văn Sai',
    'Đơn vị': 'KT',
    'Hình thức khen thưởng': 'Giấy khen',
    'Số quyết định': '3/QĐ',
    'Ngày quyết định': 'hôm qua',
    Năm: 2020,
  },
];

describe('the pane’s "Sổ khen thưởng" section', () => {
  it('HR lays out the history sheet, pastes the office’s history and saves it: each row answered at its cell, and a second save adds nothing', async () => {
    const server = await freshPaneServer(api);
    const hr = await pane(server, HR);
    await hr.register.openHistory();
    expect(hr.state().notice?.vi).toBe(`Đã mở trang "${HISTORY_SHEET}": nhập hoặc dán lịch sử khen thưởng rồi bấm "Lưu lịch sử".`);
    hr.sheets.paste(HISTORY_SHEET, historyRows);
    const syncs = hr.sheets.syncCount;
    await hr.register.importHistory();
    expect(hr.state().error).toBeUndefined();
    expect(hr.state().notice?.vi).toBe(
      'Lịch sử khen thưởng: thêm 2, đã có 0, cập nhật 0, đã ghi theo quyết định 0. 1 dòng chưa lưu, xem cột "Kết quả kiểm tra".',
    );
    expect(hr.sheets.syncCount - syncs).toBe(2); // read, then the answers
    const messages = hr.sheets.column(HISTORY_SHEET, 'Kết quả kiểm tra');
    expect(messages[0]).toBe('Đã thêm vào sổ khen thưởng');
    expect(messages[1]).toMatch(/^Đã thêm vào sổ khen thưởng; Họ và tên \/ Tên tập thể \(B3\): Không tìm thấy "Lò Văn Cũ"/);
    expect(messages[2]).toBe('Ngày quyết định (G4): "hôm qua" không phải ngày dd/MM/yyyy');
    expect(hr.sheets.column(HISTORY_SHEET, 'STT')).toEqual([1, 2, 3]);

    await hr.register.importHistory();
    expect(hr.state().notice?.vi).toMatch(/^Lịch sử khen thưởng: thêm 0, đã có 2,/);
    // Opening it again keeps what HR typed.
    await hr.register.openHistory();
    expect(hr.sheets.column(HISTORY_SHEET, 'Họ và tên / Tên tập thể')).toHaveLength(3);
  });

  it('looks a person up by name into the "Tra cứu khen thưởng" sheet, filtered; a unit clerk is told when it is not its own', async () => {
    const server = await freshPaneServer(api);
    const hr = await pane(server, HR);
    await hr.register.openHistory();
    hr.sheets.paste(HISTORY_SHEET, historyRows.slice(0, 2));
    await hr.register.importHistory();
    await hr.register.lookup({ kind: 'individual', subject: an!.fullName.toUpperCase() });
    expect(hr.state().notice?.vi).toBe(`Tra cứu "${an!.fullName}": 1 lần khen thưởng, xem trang "${LOOKUP_SHEET}".`);
    expect(hr.sheets.sheets.get(LOOKUP_SHEET)!.readOnly).toBe(true);
    expect(hr.sheets.row(LOOKUP_SHEET, 'Số quyết định', '12/QĐ-VP')).toMatchObject({
      'Ngày quyết định': '20/12/2023',
      Năm: 2023,
      'Đơn vị': 'Phòng Kinh tế',
      Nguồn: 'Lịch sử nhập từ bảng',
    });
    await hr.register.lookup({ kind: 'individual', subject: 'Lò Văn Cũ', unit: 'Phòng Kinh tế' });
    // Typed text that reads as a formula is written as text.
    expect(hr.sheets.column(LOOKUP_SHEET, 'Số quyết định')).toEqual(["'=88/QĐ"]);
    await hr.register.lookup({ kind: 'individual', subject: an!.id, year: 2019 });
    expect(hr.state().notice?.vi).toMatch(/: 0 lần khen thưởng/);

    const clerk = await pane(server, unitClerk('tong-hop'));
    await clerk.register.lookup({ kind: 'individual', subject: an!.id });
    expect(clerk.state().error?.vi).toBeTruthy();
    expect(clerk.sheets.sheets.has(LOOKUP_SHEET)).toBe(false);
  });
});
