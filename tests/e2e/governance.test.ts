import { expect, it } from 'vitest';
import { COUNCIL_DECISION_REFUSED } from '#shared/api-errors';
import { dossierWithout } from '#tests/support/nomination';
import { banners, clickInPane, scenarioCampaign, selectRowsOf, sheetNames, statusesOf, waitForPane } from './support/council';
import { HR, SECRETARY, unitClerk } from './support/people';
import { columnIndex, nomination, staffOf } from './support/rows';
import { useE2eSuite } from './support/suite';

/**
 * Issue 8's governance of the status flow, in the pane (items 1, 2, 3 and 6): what the server would
 * refuse, the pane does not send, and it says row by row what is missing; what a confirmed round
 * decided, no save undoes; a round is not opened for a form whose places are all taken. Each scenario
 * works in a campaign of its own (the seed's plan, 1 place per award form, a council of nine).
 */
const suite = useE2eSuite();
const staff = staffOf('kinh-te');

it('item 1: "Đủ điều kiện" moves the complete row and keeps an incomplete or late one back, saying what it lacks', async () => {
  // Incomplete dossiers may be submitted in this campaign, so the incomplete row reaches HR.
  const campaign = await scenarioCampaign(suite, { allowIncompleteSubmission: true });
  const [incomplete, late, complete] = await campaign.seed([
    nomination(staff[0]!, { dossier: dossierWithout('BAO_CAO_THANH_TICH') }),
    nomination(staff[1]!, { receivedDate: '2025-10-03' }),
    nomination(staff[2]!),
  ]);
  const excel = await campaign.open(HR);
  const rows = await selectRowsOf(excel, [incomplete!, late!, complete!]);

  const state = await clickInPane(excel, 'Đủ điều kiện', /Chưa chuyển 2 dòng/);
  const lines = banners(state).split('\n');
  expect(lines[0]).toMatch(/^Đã cập nhật 1 dòng\. (Còn 1 dòng có lỗi cần sửa\. )?Chưa chuyển 2 dòng, vì còn thiếu:/);
  // Excel's row numbers: the sheet row (0-based) + 1.
  const line = (row: number) => lines.find((text) => text.startsWith(`Dòng ${row + 1}: `)) ?? '';
  expect(line(rows[0]!)).toMatch(/: Chưa thể xét "Đủ điều kiện": Hồ sơ thiếu Báo cáo thành tích\. Hãy hoàn thiện hồ sơ/);
  expect(line(rows[1]!)).toMatch(/: Chưa thể xét "Đủ điều kiện": Hồ sơ nhận ngày 03\/10\/2025, sau hạn 30\/09\/2025\./);
  expect(line(rows[2]!)).toBe('');

  expect(await statusesOf(excel, [incomplete!, late!, complete!])).toEqual(['Đã gửi', 'Đã gửi', 'Đủ điều kiện']);
  expect(state.unsavedRows).toBe(0);
  const stored = new Map((await campaign.nominations()).map((item) => [item.id, item]));
  expect([incomplete, late, complete].map((id) => stored.get(id!)?.status)).toEqual(['submitted', 'submitted', 'eligible']);
  expect(stored.get(incomplete!)?.version).toBe(1);
  expect(excel.log.errors).toEqual([]);
});

it('item 2: a row the council decided is not offered by "Đủ điều kiện", and typing "Đủ điều kiện" over "Được chọn" is refused', async () => {
  const campaign = await scenarioCampaign(suite);
  const [chosen, other] = await campaign.seed([
    nomination(staff[0]!, { status: 'eligible' }),
    nomination(staff[1]!, { status: 'eligible' }),
  ]);
  await campaign.vote([chosen!]);
  const excel = await campaign.open(HR);
  expect(await statusesOf(excel, [chosen!, other!])).toEqual(['Được chọn', 'Không được chọn']);

  // The pane's action: neither decided row may move, nothing is sent.
  await selectRowsOf(excel, [chosen!, other!]);
  const since = suite.server.now();
  const acted = await clickInPane(excel, 'Đủ điều kiện', /Không có dòng nào phù hợp/);
  expect(acted.error).toBeUndefined();
  expect(suite.server.apiRequestsSince(since).filter((request) => request.method === 'POST')).toEqual([]);
  expect(await statusesOf(excel, [chosen!, other!])).toEqual(['Được chọn', 'Không được chọn']);

  // HR types the status over the council's decision and saves: the row is refused, with the reason.
  const row = await excel.rowOfId(chosen!);
  await excel.pickFromList(row, columnIndex('status'), 'Đủ điều kiện');
  const save = await excel.save();
  expect(save.state.lastSave).toMatchObject({ saved: 0, refused: 1 });
  expect(save.state.unsavedRows).toBe(1);
  const ids = (await excel.column('id')).map((cell) => cell.value);
  const message = (await excel.column('messages'))[ids.indexOf(chosen!)]!.text;
  expect(message).toBe(`Lỗi: ${COUNCIL_DECISION_REFUSED.vi}`);
  const stored = (await campaign.nominations()).find((item) => item.id === chosen);
  expect(stored).toMatchObject({ status: 'selected', version: 2 });
  expect(excel.log.errors).toEqual([]);
});

it('item 3: "Tạo phiếu bầu" when the only form has no places left says so, and makes no ballot sheet', async () => {
  const campaign = await scenarioCampaign(suite);
  const [first] = await campaign.seed([nomination(staff[0]!, { status: 'eligible' })]);
  await campaign.vote([first!]);
  // Another Giấy khen candidate, found eligible after the Giấy khen's one place was taken.
  await campaign.seed([nomination(staff[1]!, { status: 'eligible' })]);

  const excel = await campaign.open(SECRETARY, { sheet: false });
  await waitForPane(excel, (state) => state.council?.round?.status === 'confirmed', 'the confirmed round in the council panel');
  const before = await sheetNames(excel);
  const state = await clickInPane(excel, 'Tạo phiếu bầu', /suất/);
  expect(state.error?.vi).toBe('Giấy khen của Chánh Văn phòng đã đủ số suất theo chỉ tiêu; không mở vòng bỏ phiếu cho hình thức này');
  expect(state.notice).toBeUndefined();
  const after = await sheetNames(excel);
  expect(after).toEqual(before);
  expect(after.some((name) => name.startsWith('Phiếu bầu'))).toBe(false);
  expect(state.council?.round).toMatchObject({ number: 1, status: 'confirmed' });
});

it('item 6: "Gửi đề nghị" submits the complete draft and keeps the incomplete one a draft, saying what it lacks', async () => {
  const campaign = await scenarioCampaign(suite);
  const clerk = unitClerk('kinh-te');
  const [incomplete, complete] = await campaign.seed(
    [nomination(staff[0]!, { status: 'draft', dossier: dossierWithout('BIEN_BAN_HOP_XET') }), nomination(staff[1]!, { status: 'draft' })],
    clerk,
  );
  const excel = await campaign.open(clerk);
  const row = await excel.rowOfId(incomplete!);

  const state = await clickInPane(excel, 'Gửi đề nghị', /Chưa chuyển 1 dòng/);
  const lines = banners(state).split('\n');
  expect(lines[0]).toMatch(/^Đã cập nhật 1 dòng\. Chưa chuyển 1 dòng, vì còn thiếu:/);
  expect(lines).toContainEqual(
    expect.stringMatching(new RegExp(`^Dòng ${row + 1}: Chưa gửi được đề nghị: Hồ sơ thiếu Biên bản cuộc họp xét khen thưởng\\.`)),
  );
  expect(lines).toHaveLength(2);

  expect(await statusesOf(excel, [incomplete!, complete!])).toEqual(['Dự thảo', 'Đã gửi']);
  expect(state.unsavedRows).toBe(0);
  const stored = new Map((await campaign.nominations(clerk)).map((item) => [item.id, item]));
  expect(stored.get(incomplete!)).toMatchObject({ status: 'draft', version: 1 });
  expect(stored.get(complete!)?.status).toBe('submitted');
  expect(excel.log.errors).toEqual([]);
});
