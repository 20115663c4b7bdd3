import { expect, it } from 'vitest';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import type { HostPage } from './support/host-page';
import {
  ballotNumbers,
  clickInPane,
  markBallots,
  scenarioCampaign,
  selectRowsOf,
  sheetNames,
  statusesOf,
  waitForPane,
} from './support/council';
import { HR, SECRETARY } from './support/people';
import { nomination, personName, staffOf } from './support/rows';
import { useE2eSuite } from './support/suite';

/**
 * The council's path at pane level (issue 8): HR finds the nominations eligible; the secretary makes
 * the ballot sheet, the members' marks are typed into its cells, she counts, writes the minutes and
 * confirms; HR reloads and reads the council's decisions in the sheet. Then a tie for the last place
 * and the new round among the tied, from the pane. The plan: 1 place for the Giấy khen (2 in the tie's
 * campaign), a council of nine all present, a candidate passes with more than 4.5 votes.
 */
const suite = useE2eSuite();
const staff = staffOf('tong-hop');
const name = (index: number) => personName(staff[index]!.id);

/** The secretary's signed-in pane with the campaign's sheet and the council panel. */
async function secretaryOf(campaign: Awaited<ReturnType<typeof scenarioCampaign>>): Promise<HostPage> {
  // The council votes while the campaign is under review (HR moves it there once the dossiers are in).
  await campaign.stage('under_review');
  const excel = await campaign.open(SECRETARY);
  await waitForPane(excel, (state) => !!state.council && !state.busy, 'the council panel');
  return excel;
}

/** "Tạo phiếu bầu" or "Tạo vòng bỏ phiếu mới": the round's ballot sheet, nine ballots, with the candidates' columns. */
async function ballotSheet(excel: HostPage, button: string, round: number, candidates: string[]): Promise<string> {
  const sheet = `Phiếu bầu vòng ${round}`;
  await clickInPane(excel, button, new RegExp(`Đã tạo trang "${sheet}" với 9 phiếu`));
  const headers = await excel.host((host, at) => Array.from({ length: 10 }, (_, c) => host.cell(at, 1, c).text), sheet);
  expect(headers.filter((header) => header !== '' && header !== 'Số ô đánh dấu').map((header) => header.replace(/ \(.*\)$/, ''))).toEqual(
    expect.arrayContaining(candidates),
  );
  expect(headers.filter((header) => header.includes('('))).toHaveLength(candidates.length);
  return sheet;
}

/** The marks typed in, then "Kiểm phiếu": the count's result in its sheet and in the pane. */
async function count(excel: HostPage, sheet: string, round: number, votes: Record<string, readonly number[]>) {
  await markBallots(excel, sheet, votes);
  const state = await clickInPane(
    excel,
    'Kiểm phiếu',
    new RegExp(`Đã kiểm 9 phiếu; kết quả ghi ở trang "Kết quả kiểm phiếu vòng ${round}"`),
  );
  expect(state.council?.round).toMatchObject({ number: round, status: 'tallied' });
  expect(await sheetNames(excel)).toContain(`Kết quả kiểm phiếu vòng ${round}`);
  return state;
}

const line = (excel: HostPage, who: string, votes: number, outcome: string) =>
  excel.pane.getByText(new RegExp(`^${who}: ${votes} phiếu \\(.*\\) – ${outcome}$`));

it('HR finds eligible, the secretary runs the vote in sheets and confirms, HR reads the decisions', async () => {
  const campaign = await scenarioCampaign(suite);
  const [first, second] = await campaign.seed([nomination(staff[0]!), nomination(staff[1]!)]);

  const hr = await campaign.open(HR);
  await selectRowsOf(hr, [first!, second!]);
  await clickInPane(hr, 'Đủ điều kiện', /^Đã cập nhật 2 dòng\.$/);
  expect(await statusesOf(hr, [first!, second!])).toEqual(['Đủ điều kiện', 'Đủ điều kiện']);

  const secretary = await secretaryOf(campaign);
  const sheet = await ballotSheet(secretary, 'Tạo phiếu bầu', 1, [name(0), name(1)]);
  // One place: each ballot marks one candidate (7 for the first, 2 for the second).
  await count(secretary, sheet, 1, { [name(0)]: ballotNumbers(1, 7), [name(1)]: ballotNumbers(8, 9) });
  await expect.poll(() => line(secretary, name(0), 7, 'được chọn').count()).toBe(1);
  await expect.poll(() => line(secretary, name(1), 2, 'không đạt').count()).toBe(1);

  // The council's button, not the "Văn bản" section's document of the same name.
  await clickInPane(
    secretary,
    'Biên bản kiểm phiếu',
    /Đã lập biên bản ở trang "Biên bản kiểm phiếu vòng 1"/,
    undefined,
    'Bỏ phiếu của Hội đồng',
  );
  expect(await sheetNames(secretary)).toContain('Biên bản kiểm phiếu vòng 1');
  const confirmed = await clickInPane(secretary, 'Xác nhận kết quả', /Đã xác nhận kết quả vòng 1/);
  expect(confirmed.council?.round).toMatchObject({ number: 1, status: 'confirmed' });
  // The secretary's own sheet was reloaded with the decisions.
  expect(await statusesOf(secretary, [first!, second!])).toEqual(['Được chọn', 'Không được chọn']);

  // HR's sheet still shows what she last loaded; she opens it again and reads the council's decisions.
  expect(await statusesOf(hr, [first!, second!])).toEqual(['Đủ điều kiện', 'Đủ điều kiện']);
  await hr.openSheet();
  expect(await statusesOf(hr, [first!, second!])).toEqual(['Được chọn', 'Không được chọn']);
  const stored = new Map((await campaign.nominations()).map((item) => [item.id, item.status]));
  expect([stored.get(first!), stored.get(second!)]).toEqual(['selected', 'not_selected']);

  // HR then makes the Chief of Office's decision from the "Văn bản" section, and issues it once signed:
  // the one selected becomes awarded, in the store and, reloaded, in her sheet.
  const decision = await clickInPane(
    hr,
    'Quyết định tặng Giấy khen',
    /^Đã lập Quyết định tặng Giấy khen số \d+\/QĐ-VP ngày /,
    60_000,
    'Văn bản',
  );
  expect(decision.document?.record).toMatchObject({ status: 'draft' });
  await expect.poll(() => hr.pane.getByRole('link', { name: /^Mở \/ tải về .*\.docx$/ }).count()).toBe(1);
  await clickInPane(hr, 'Ban hành (đã ký)', /^Đã ban hành văn bản số \d+\/QĐ-VP: 1 tập thể, cá nhân chuyển sang "Đã khen thưởng"\.$/);
  expect(await statusesOf(hr, [first!, second!])).toEqual(['Đã khen thưởng', 'Không được chọn']);
  expect(hr.log.errors).toEqual([]);
  expect(secretary.log.errors).toEqual([]);
});

it('a tie for the last place goes to a new round among the tied, from the pane', async () => {
  // Two places for the Giấy khen in this campaign.
  const quotaRules = SEED_CAMPAIGN.quotaRules.map((rule) => (rule.awardForm === 'GIAY_KHEN_CVP' ? { ...rule, max: 2 } : rule));
  const campaign = await scenarioCampaign(suite, { quotaRules });
  const ids = await campaign.seed([0, 1, 2].map((i) => nomination(staff[i]!, { status: 'eligible' })));
  const secretary = await secretaryOf(campaign);

  // The first takes a place with 8 votes; the other two pass with 5 each for the last place: a tie.
  // Each ballot marks two (the places): ballots 1-4 the first and second, 5-8 the first and third, 9
  // the second and third.
  const first = await ballotSheet(secretary, 'Tạo phiếu bầu', 1, [name(0), name(1), name(2)]);
  const tallied = await count(secretary, first, 1, {
    [name(0)]: ballotNumbers(1, 8),
    [name(1)]: [...ballotNumbers(1, 4), 9],
    [name(2)]: ballotNumbers(5, 9),
  });
  expect(tallied.council?.round?.result?.forms[0]?.tie?.nominationIds.sort()).toEqual([ids[1], ids[2]].sort());
  await expect.poll(() => line(secretary, name(0), 8, 'được chọn').count()).toBe(1);
  await expect.poll(() => line(secretary, name(1), 5, 'bằng phiếu').count()).toBe(1);
  await expect.poll(() => line(secretary, name(2), 5, 'bằng phiếu').count()).toBe(1);
  await expect.poll(() => secretary.pane.getByRole('button', { name: 'Tạo vòng bỏ phiếu mới' }).count()).toBe(1);

  // "Tạo vòng bỏ phiếu mới" confirms round 1 (the first is selected, the tied stay eligible) and lays
  // out round 2's ballot sheet with the tied alone, for the one place left.
  const second = await ballotSheet(secretary, 'Tạo vòng bỏ phiếu mới', 2, [name(1), name(2)]);
  const between = new Map((await campaign.nominations()).map((item) => [item.id, item.status]));
  expect(ids.map((id) => between.get(id))).toEqual(['selected', 'eligible', 'eligible']);
  expect(await sheetNames(secretary)).toEqual(expect.arrayContaining(['Phiếu bầu vòng 1', 'Phiếu bầu vòng 2']));

  await count(secretary, second, 2, { [name(1)]: ballotNumbers(1, 6), [name(2)]: ballotNumbers(7, 9) });
  await expect.poll(() => line(secretary, name(1), 6, 'được chọn').count()).toBe(1);
  await expect.poll(() => line(secretary, name(2), 3, 'không đạt').count()).toBe(1);
  await clickInPane(secretary, 'Xác nhận kết quả', /Đã xác nhận kết quả vòng 2/);
  expect(await statusesOf(secretary, ids)).toEqual(['Được chọn', 'Được chọn', 'Không được chọn']);

  const hr = await campaign.open(HR);
  expect(await statusesOf(hr, ids)).toEqual(['Được chọn', 'Được chọn', 'Không được chọn']);
  expect(secretary.log.errors).toEqual([]);
});
