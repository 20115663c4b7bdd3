import { describe, expect, it } from 'vitest';
import { useAccounts } from '#functions/org/accounts';
import { useTestApi } from '#tests/support/api';
import { unreachableCognito } from '#tests/support/cognito';
import { freshPaneServer, type PaneServer } from '#tests/support/pane-api';
import { ADMIN } from '#tests/support/rows';
import { fields, staffOf } from './fixtures';
import { FakeOrgSheets } from './fake-org-sheets';
import { HR, openPane } from './harness';

// The real API over DynamoDB Local; each test empties and seeds the file's table again.
const api = useTestApi();
const STAFF = 'Cán bộ';

async function pane(server: PaneServer, email: string) {
  const sheets = new FakeOrgSheets();
  const { controller } = await openPane({ server, email, deps: { orgSheets: sheets } });
  return { sheets, org: controller.actions.org!, state: () => controller.getState() };
}

const orgRequests = (server: PaneServer) =>
  server.log.filter((entry) => entry.method === 'PUT' && /^\/(units|people|users)$/.test(entry.path)).map((e) => e.path);

describe('the pane’s "Tổ chức" section', () => {
  it('an admin opens the staff sheet, pastes staff without codes and saves: codes and versions written back, then nothing left to save', async () => {
    const server = await freshPaneServer(api);
    const admin = await pane(server, ADMIN);
    await admin.org.open('people');
    expect(admin.state().notice?.vi).toBe('Đã mở trang "Cán bộ": 63 dòng.');
    expect(admin.sheets.sheets.get(STAFF)!.readOnly).toBe(false);

    admin.sheets.paste(STAFF, [
      { 'Họ và tên': 'Vi Thị Mới', 'Đơn vị': 'KT', 'Chức vụ': 'Chuyên viên', 'Giới tính': 'Nữ', 'Ngày sinh': '02/03/1990' },
      { 'Họ và tên': 'Sầm Văn Mới', 'Đơn vị': 'Phòng Tổng hợp', 'Giới tính': 'Nam' },
    ]);
    const syncs = admin.sheets.syncCount;
    await admin.org.save('people');
    expect(admin.state().error).toBeUndefined();
    expect(admin.state().notice?.vi).toBe('Trang "Cán bộ": đã lưu 2 dòng.');
    expect(admin.sheets.syncCount - syncs).toBe(2); // read, then the answers
    expect(orgRequests(server)).toEqual(['/people']);

    const stored = (await api.request('GET', '/people', { token: await api.tokenFor(ADMIN) })).body.items as {
      id: string;
      fullName: string;
    }[];
    const created = stored.find((p) => p.fullName === 'Vi Thị Mới')!;
    expect(created).toMatchObject({ unitId: 'kinh-te', gender: 'female', birthDate: '1990-03-02' });
    expect(admin.sheets.row(STAFF, 'Họ và tên', 'Vi Thị Mới')).toMatchObject({ 'Mã cán bộ': created.id, 'Phiên bản': 1, STT: 64 });
    expect(admin.sheets.row(STAFF, 'Họ và tên', 'Sầm Văn Mới')['Mã cán bộ']).not.toBe('');

    // The rows now read as saved: a second save sends nothing.
    await admin.org.save('people');
    expect(admin.state().notice?.vi).toBe('Trang "Cán bộ": không có thay đổi để lưu.');
    expect(orgRequests(server)).toEqual(['/people']);
  });

  it('a bad row gets its message in the row and is sent again next time; the good rows are saved', async () => {
    const server = await freshPaneServer(api);
    const admin = await pane(server, ADMIN);
    await admin.org.open('people');
    admin.sheets.paste(STAFF, [
      { 'Họ và tên': 'Đinh Văn Đúng', 'Đơn vị': 'KT' },
      { 'Họ và tên': 'Lò Văn Sai', 'Đơn vị': 'phong-khong-co' },
      { 'Họ và tên': 'Mông Thị Lỗi', 'Đơn vị': 'KT', 'Giới tính': 'X' },
    ]);
    await admin.org.save('people');
    expect(admin.state().notice?.vi).toBe('Trang "Cán bộ": đã lưu 1 dòng. 2 dòng chưa lưu, xem cột "Kết quả kiểm tra" ở dòng 66, 67.');
    const wrong = admin.sheets.row(STAFF, 'Họ và tên', 'Lò Văn Sai');
    expect(wrong['Mã cán bộ']).toBe('');
    expect(wrong['Kết quả kiểm tra']).toMatch(/^Đơn vị \(D66\): Đơn vị "phong-khong-co" không có trong sheet Đơn vị: /);
    expect(admin.sheets.row(STAFF, 'Họ và tên', 'Mông Thị Lỗi')['Kết quả kiểm tra']).toMatch(/^Giới tính \(F67\): Giới tính "X"/);

    admin.sheets.edit(STAFF, 'Họ và tên', 'Lò Văn Sai', 'Đơn vị', 'Phòng Kinh tế');
    await admin.org.save('people');
    expect(admin.state().notice?.vi).toBe('Trang "Cán bộ": đã lưu 1 dòng. 1 dòng chưa lưu, xem cột "Kết quả kiểm tra" ở dòng 67.');
    expect(admin.sheets.row(STAFF, 'Họ và tên', 'Lò Văn Sai')['Kết quả kiểm tra']).toBe('');
  });

  it('a removed person with nominations is marked as having left, one without is deleted', async () => {
    const server = await freshPaneServer(api);
    const [nominee, other] = staffOf('kinh-te');
    await server.put(fields(nominee!.id), HR);
    const admin = await pane(server, ADMIN);
    await admin.org.open('people');
    admin.sheets.deleteRow(STAFF, 'Mã cán bộ', nominee!.id);
    admin.sheets.deleteRow(STAFF, 'Mã cán bộ', other!.id);
    await admin.org.save('people');
    expect(admin.state().notice?.vi).toBe(
      'Trang "Cán bộ": đã lưu 0 dòng. 1 cán bộ đã có hồ sơ thi đua, khen thưởng nên được đánh dấu "Đã nghỉ" thay vì xoá. Đã xoá 1 dòng.',
    );
    const people = (await api.request('GET', '/people', { token: await api.tokenFor(ADMIN) })).body.items as {
      id: string;
      left?: boolean;
    }[];
    expect(people.find((p) => p.id === nominee!.id)).toMatchObject({ left: true });
    expect(people.some((p) => p.id === other!.id)).toBe(false);

    // Opened again, the one who left is back in the list, marked "Đã nghỉ"; nothing more is removed.
    await admin.org.open('people');
    expect(admin.sheets.row(STAFF, 'Mã cán bộ', nominee!.id)['Đã nghỉ']).toBe('Có');
  });

  it('an admin removing a unit in use is told it is kept and why', async () => {
    const server = await freshPaneServer(api);
    const admin = await pane(server, ADMIN);
    await admin.org.open('units');
    admin.sheets.deleteRow('Đơn vị', 'Mã đơn vị', 'nha-khach');
    await admin.org.save('units');
    expect(admin.state().notice?.vi).toMatch(/^Trang "Đơn vị": đã lưu 0 dòng\. Giữ lại 1 đơn vị: nha-khach \(Không xóa: đơn vị còn cán bộ/);
  });

  it('an admin removing a user whose sign-in account cannot be disabled is told to have it done by hand', async () => {
    const server = await freshPaneServer(api);
    const admin = await pane(server, ADMIN);
    await admin.org.open('users');
    useAccounts(unreachableCognito());
    try {
      admin.sheets.deleteRow('Người dùng', 'Thư điện tử', 'lanhdao@thidua.local');
      await admin.org.save('users');
    } finally {
      useAccounts(undefined);
    }
    expect(admin.state().notice?.vi).toMatch(
      /^Trang "Người dùng": đã lưu 0 dòng\. Đã xoá 1 dòng\. Lưu ý: lanhdao@thidua\.local: Đã xóa khỏi danh sách người dùng, nhưng chưa khóa được tài khoản đăng nhập/,
    );
    expect(admin.state().notice?.en).toMatch(
      /Note: lanhdao@thidua\.local: Deleted from the users, but the sign-in account could not be disabled/,
    );
  });

  it('HR opens the units and staff read-only, is not offered the users, and saves nothing', async () => {
    const server = await freshPaneServer(api);
    const hr = await pane(server, HR);
    await hr.org.open('people');
    expect(hr.sheets.sheets.get(STAFF)!.readOnly).toBe(true);
    expect(hr.state().notice?.vi).toBe('Đã mở trang "Cán bộ" để xem: 63 dòng.');
    hr.sheets.paste(STAFF, [{ 'Họ và tên': 'Vi Thị Mới', 'Đơn vị': 'KT' }]);
    await hr.org.save('people');
    await hr.org.open('users');
    expect(orgRequests(server)).toEqual([]);
    expect(server.log.some((entry) => entry.path === '/users')).toBe(false);
    expect([...hr.sheets.sheets.keys()]).toEqual([STAFF]);
  });

  it('is not offered to a unit clerk', async () => {
    const server = await freshPaneServer(api);
    const clerk = await pane(server, 'kinh-te@thidua.local');
    await clerk.org.open('people');
    expect(clerk.sheets.calls).toEqual([]);
  });
});
