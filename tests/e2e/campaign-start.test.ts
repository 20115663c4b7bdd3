import { expect, it } from 'vitest';
import type { StoredCampaign } from '#shared/api/campaign';
import type { Person } from '#shared/org';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';
import { buildColumns } from '#shared/sheet/columns';
import { PLAN_SHEET, PLAN_WIDTH } from '#shared/sheet/plan/schema';
import type { HostPage } from './support/host-page';
import { banners, clickInPane, statusesOf, waitForPane } from './support/council';
import { firstBlankRow, orgAction, orgRows, staffList } from './support/org';
import { ADMIN, HR } from './support/people';
import { nomination, sheetRowIn } from './support/rows';
import { useE2eSuite } from './support/suite';

/**
 * Issue 10: an office starts a campaign without a developer, through the pane. The administrator
 * makes it from the annual-titles template, sets its period, deadline, a quota's places and a
 * criterion in the "Kế hoạch" sheet (a wrong cell first); pastes a list of 60 staff from another
 * workbook into the "Cán bộ" sheet and saves it from the "Tổ chức" section (codes given, a row naming
 * a unit the office does not have and a pasted twin told in their rows, the first corrected); adds a
 * clerk of the Phòng Kinh tế in "Người dùng"; opens the campaign from the stage bar. That new clerk
 * signs in and submits a nomination of a pasted staff member; HR closes the submissions after the
 * deadline; the clerk's late dossier is taken and flagged, as the template's `lateSubmissions: 'flag'` says.
 */
const suite = useE2eSuite();
const UNIT = 'kinh-te';
const clerk = 'vanthu.kinhte@thidua.local';
const STAFF = 'Cán bộ';
const USERS = 'Người dùng';
/** Two rows of the pasted list the save must refuse: a unit the office does not have, and the row before it again. */
const [UNKNOWN_AT, TWIN_AT] = [7, 59];
const CAMPAIGN_ID = `danh-hieu-${Date.now().toString(36)}`;
const CRITERION = 'CN_HOAN_THANH_XUAT_SAC';

/** The row (0-based) of the "Kế hoạch" sheet whose column A reads `label`: a value's label or a table's title. */
async function planRow(excel: HostPage, label: string): Promise<number> {
  const row = await excel.host((host, arg) => Array.from({ length: 200 }, (_, r) => host.cell(arg.sheet, r, 0).text).indexOf(arg.label), {
    sheet: PLAN_SHEET,
    label,
  });
  if (row < 0) throw new Error(`no "${label}" on the plan's sheet`);
  return row;
}

/** The admin types into cells of the "Kế hoạch" sheet, one after another, as a person does. */
async function typePlan(excel: HostPage, cells: { row: number; column: number; text: string }[]): Promise<void> {
  await excel.host(
    (host, arg) => {
      for (const cell of arg.cells) host.type(cell.row, cell.column, cell.text, arg.sheet);
    },
    { sheet: PLAN_SHEET, cells },
  );
}

const planCell = (excel: HostPage, row: number, column: number) =>
  excel.host((host, arg) => host.cell(arg.sheet, arg.row, arg.column).text, { sheet: PLAN_SHEET, row, column });

async function stored(): Promise<StoredCampaign> {
  const answer = await suite.api.request<StoredCampaign>('GET', `/campaigns/${CAMPAIGN_ID}`, { token: await suite.api.tokenFor(HR) });
  return answer.body;
}

/** A window signed in as `email` with the new campaign chosen in the pane. */
async function openCampaign(email: string): Promise<HostPage> {
  const excel = await suite.openHost(email);
  await excel.pane.getByRole('combobox', { name: 'Đợt thi đua' }).selectOption(CAMPAIGN_ID);
  await waitForPane(excel, (state) => state.campaignId === CAMPAIGN_ID && !state.busy, `campaign ${CAMPAIGN_ID}`);
  return excel;
}

/** A stage bar's move, confirmed, and the pane's word that it is done. */
async function moveStage(excel: HostPage, button: string, stage: string): Promise<void> {
  const bar = excel.pane.getByRole('region', { name: 'Giai đoạn' });
  await bar.getByRole('button', { name: button, exact: true }).click();
  await bar.getByText(`Chuyển Đợt thi đua sang giai đoạn "${stage}"?`).waitFor();
  await clickInPane(excel, 'Xác nhận', new RegExp(`Đã chuyển Đợt thi đua sang giai đoạn "${stage}"`));
  expect(await bar.getByText(stage, { exact: true }).isVisible()).toBe(true);
}

it('an admin starts a campaign from the annual template in the pane; a clerk submits; a dossier after the deadline is taken and flagged late', async () => {
  // 1. The admin makes the campaign from the annual-titles template, in the "Kế hoạch" section.
  const admin = await suite.openHost(ADMIN);
  const plan = admin.pane.getByRole('region', { name: 'Kế hoạch' });
  await plan.getByRole('combobox', { name: 'Tạo đợt thi đua mới' }).selectOption({ label: 'Theo mẫu: danh hiệu thi đua hằng năm' });
  await plan.getByRole('textbox', { name: 'Mã đợt mới (chữ thường, số, dấu -)' }).fill(CAMPAIGN_ID);
  await plan.getByRole('textbox', { name: 'Tên đợt mới' }).fill('Bình xét danh hiệu thi đua năm 2025');
  await clickInPane(admin, 'Tạo', /Đã tạo đợt "Bình xét danh hiệu thi đua năm 2025"/, undefined, 'Kế hoạch');
  await waitForPane(admin, (state) => state.campaignId === CAMPAIGN_ID && !state.busy, 'the new campaign chosen');
  expect(await stored()).toMatchObject({ stage: 'draft', version: 1, lateSubmissions: 'flag', criteria: [] });

  // The period, the deadline (typed as words first), a quota's places and a criterion for individuals.
  const start = await planRow(admin, 'Thời gian bắt đầu');
  const end = await planRow(admin, 'Thời gian kết thúc');
  const deadline = await planRow(admin, 'Hạn nộp hồ sơ (ngày cuối)');
  const quotas = await planRow(admin, 'Chỉ tiêu khen thưởng');
  const criteria = await planRow(admin, 'Tiêu chuẩn khen thưởng');
  const quotaForms = await Promise.all(Array.from({ length: 6 }, (_, i) => planCell(admin, quotas + 2 + i, 1)));
  const quotaRow = quotas + 2 + quotaForms.indexOf('LAO_DONG_TIEN_TIEN');
  expect(quotaRow).toBeGreaterThan(quotas + 1);
  expect(await planCell(admin, quotas + 1, 3)).toBe('Tối đa');
  await typePlan(admin, [
    { row: start, column: 1, text: '01/01/2025' },
    { row: end, column: 1, text: '31/12/2025' },
    { row: deadline, column: 1, text: 'cuối tháng 11' },
    { row: quotaRow, column: 3, text: '5' },
    { row: criteria + 2, column: 0, text: CRITERION },
    { row: criteria + 2, column: 1, text: 'Cá nhân' },
    { row: criteria + 2, column: 2, text: 'Hoàn thành xuất sắc nhiệm vụ được giao' },
  ]);
  const wrong = await clickInPane(admin, 'Lưu kế hoạch', /Chưa lưu: 1 ô cần sửa/);
  expect(wrong.error).toBeUndefined();
  expect(await planCell(admin, deadline, PLAN_WIDTH)).toBe(
    `B${deadline + 1}: "cuối tháng 11" không phải ngày: hãy gõ theo dạng dd/MM/yyyy`,
  );
  expect(await stored()).toMatchObject({ version: 1, criteria: [] });

  await typePlan(admin, [{ row: deadline, column: 1, text: '30/11/2025' }]);
  const saved = await clickInPane(admin, 'Lưu kế hoạch', /Đã lưu kế hoạch/);
  expect(banners(saved)).toBe('Đã lưu kế hoạch (phiên bản 2).');
  expect(await planCell(admin, deadline, PLAN_WIDTH)).toBe('');
  const planned = await stored();
  expect(planned).toMatchObject({
    version: 2,
    stage: 'draft',
    period: { start: '2025-01-01', end: '2025-12-31' },
    submissionDeadline: '2025-11-30',
    criteria: [{ code: CRITERION, nomineeKind: 'individual', text: { vi: 'Hoàn thành xuất sắc nhiệm vụ được giao' } }],
  });
  expect(planned.quotaRules.find((rule) => rule.awardForm === 'LAO_DONG_TIEN_TIEN')?.max).toBe(5);

  // 2. The staff list from another workbook, pasted under the office's staff in "Cán bộ" and saved.
  await orgAction(admin, 'people', 'Mở / làm mới', new RegExp(`Đã mở trang "${STAFF}": ${DEMO_PEOPLE.length} dòng`));
  const pasteAt = await firstBlankRow(admin, STAFF, 2);
  expect(pasteAt).toBe(DEMO_PEOPLE.length + 1);
  const list = staffList(60, (i) => (i === UNKNOWN_AT ? 'Phòng Văn hóa' : undefined));
  list[TWIN_AT] = [...list[TWIN_AT - 1]!];
  await admin.host((host, arg) => host.paste(arg.row, 2, arg.list, arg.sheet), { row: pasteAt, list, sheet: STAFF });
  const [unknownRow, twinRow] = [pasteAt + UNKNOWN_AT + 1, pasteAt + TWIN_AT + 1];
  await orgAction(
    admin,
    'people',
    'Lưu',
    new RegExp(`Trang "${STAFF}": đã lưu 58 dòng\\. 2 dòng chưa lưu, xem cột "Kết quả kiểm tra" ở dòng ${unknownRow}, ${twinRow}`),
  );
  const pasted = (await orgRows(admin, STAFF, pasteAt + 59)).slice(pasteAt - 1);
  expect(pasted.filter((row) => /^cb-[a-z0-9]{8}$/.test(row['Mã cán bộ']!))).toHaveLength(58);
  expect(pasted[UNKNOWN_AT]!['Kết quả kiểm tra']).toMatch(
    new RegExp(`^Đơn vị \\(D${unknownRow}\\): Đơn vị "Phòng Văn hóa" không có trong sheet Đơn vị: hãy chọn một đơn vị trong danh sách`),
  );
  expect(pasted[TWIN_AT]!['Kết quả kiểm tra']).toMatch(
    new RegExp(`^Họ và tên \\(C${twinRow}\\): Có thể trùng với cán bộ ở dòng ${twinRow - 1} `),
  );
  expect(pasted[TWIN_AT]!['Mã cán bộ']).toBe('');
  expect(pasted[4]!['Chức vụ']).toBe('-Kế toán viên');
  // The unknown unit corrected in its cell: that row alone is sent again.
  await admin.host((host, arg) => host.type(arg.row, 3, 'Phòng Kinh tế', arg.sheet), { row: unknownRow - 1, sheet: STAFF });
  await orgAction(
    admin,
    'people',
    'Lưu',
    new RegExp(`Trang "${STAFF}": đã lưu 1 dòng\\. 1 dòng chưa lưu, xem cột "Kết quả kiểm tra" ở dòng ${twinRow}\\.`),
  );
  const people = (await suite.api.request<{ items: Person[] }>('GET', '/people', { token: await suite.api.tokenFor(HR) })).body.items;
  const office = new Set(DEMO_PEOPLE.map((person) => person.id));
  const newcomers = people.filter((person) => !office.has(person.id));
  expect(newcomers).toHaveLength(59);
  const staff = newcomers.filter((person) => person.unitId === UNIT);
  expect(staff.length).toBeGreaterThanOrEqual(2);

  // The unit's clerk, added in "Người dùng".
  await orgAction(admin, 'users', 'Mở / làm mới', new RegExp(`Đã mở trang "${USERS}"`));
  const userRow = await firstBlankRow(admin, USERS, 1);
  await admin.host((host, arg) => arg.cells.forEach((text, column) => host.type(arg.row, column + 1, text, arg.sheet)), {
    row: userRow,
    cells: [clerk, 'Văn thư Phòng Kinh tế', 'Đơn vị', 'KT'],
    sheet: USERS,
  });
  await orgAction(admin, 'users', 'Lưu', new RegExp(`Trang "${USERS}": đã lưu 1 dòng\\.$`));
  expect((await orgRows(admin, USERS, userRow))[userRow - 1]).toMatchObject({ 'Thư điện tử': clerk, 'Kết quả kiểm tra': '' });
  const users = (await suite.api.request<{ items: { email: string }[] }>('GET', '/users', { token: await suite.api.tokenFor(ADMIN) })).body;
  expect(users.items.find((user) => user.email === clerk)).toMatchObject({ role: 'unit', unitId: UNIT });

  // 3. The admin opens the campaign to the units' dossiers.
  await moveStage(admin, 'Mở nhận hồ sơ', 'Đang nhận hồ sơ');
  expect((await stored()).stage).toBe('open');

  // 4. The new clerk types a nomination of a staff member pasted in step 2, saves it and sends it.
  const context = { campaign: planned, units: DEMO_UNITS, people };
  const columns = buildColumns(context);
  const row = (receivedDate: string, status: 'draft' | 'submitted', index: number) =>
    sheetRowIn(
      { context, columns },
      nomination(staff[index]!, {
        awardForm: 'LAO_DONG_TIEN_TIEN',
        criteriaMet: [CRITERION],
        movements: [],
        receivedDate,
        status,
        dossier: {
          TO_TRINH: { present: true, number: '15/TTr-KT', date: '2025-11-15' },
          BIEN_BAN_HOP_XET: { present: true, number: '03/BB-KT', date: '2025-11-12' },
          BAO_CAO_THANH_TICH: { present: true, number: '01/BC-KT', date: '2025-11-10' },
        },
      }),
    );
  const unit = await openCampaign(clerk);
  expect(await unit.pane.getByRole('region', { name: 'Giai đoạn' }).getByText('Đang nhận hồ sơ', { exact: true }).isVisible()).toBe(true);
  await unit.openSheet();
  await unit.pasteRows([row('2025-11-20', 'draft', 0)]);
  await unit.waitForState((state) => state.edited);
  const first = await unit.save();
  expect(first.state.lastSave).toMatchObject({ saved: 1, refused: 0, errors: 0 });
  const [onTime] = (await unit.column('id')).map((cell) => String(cell.value));
  const sent = await clickInPane(unit, 'Gửi đề nghị', /Đã cập nhật 1 dòng/);
  expect(sent.error).toBeUndefined();
  expect(await statusesOf(unit, [onTime!])).toEqual(['Đã gửi']);

  // 5. The deadline has passed: HR closes the submissions from the stage bar.
  const hr = await openCampaign(HR);
  await moveStage(hr, 'Khóa nhận hồ sơ', 'Đã khóa nhận hồ sơ');
  expect((await stored()).stage).toBe('closed');

  // The clerk's dossier that came in after the deadline: taken, and flagged late in its row.
  await unit.pasteRows([row('2025-12-02', 'submitted', 1)]);
  await unit.waitForState((state) => state.edited);
  const late = await unit.save();
  expect(late.state.lastSave).toMatchObject({ saved: 1, refused: 0, errors: 0 });
  expect(late.state.error).toBeUndefined();
  const ids = (await unit.column('id')).map((cell) => String(cell.value));
  const lateId = ids.find((id) => id !== onTime)!;
  const messages = await unit.column('messages');
  expect(messages[ids.indexOf(lateId)]!.text).toContain('Hồ sơ nhận ngày 02/12/2025, sau hạn 30/11/2025');
  expect(messages[ids.indexOf(onTime!)]!.text).not.toContain('sau hạn');
  expect(await statusesOf(unit, [onTime!, lateId])).toEqual(['Đã gửi', 'Đã gửi']);

  const nominations = (
    await suite.api.request<{ items: { id: string; status: string; receivedDate?: string }[] }>(
      'GET',
      `/campaigns/${CAMPAIGN_ID}/nominations`,
      { token: await suite.api.tokenFor(HR) },
    )
  ).body.items;
  expect(new Map(nominations.map((item) => [item.id, [item.status, item.receivedDate]]))).toEqual(
    new Map([
      [onTime, ['submitted', '2025-11-20']],
      [lateId, ['submitted', '2025-12-02']],
    ]),
  );
  for (const excel of [admin, unit, hr]) expect(excel.log.errors).toEqual([]);
}, 240_000);
