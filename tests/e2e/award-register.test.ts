import { expect, it } from 'vitest';
import { confirmRoundMarking } from '#tests/support/documents';
import { moveCampaignTo } from '#tests/support/stage';
import { CAMPAIGN_ID, HR, SECRETARY } from './support/people';
import { nomination, staffOf } from './support/rows';
import { useE2eSuite } from './support/suite';

/**
 * Scenario (issue 11, section 2): the council selects a nominee for the Bằng khen, HR records the
 * Province's decision through the pane's "Ghi quyết định của cấp trên" form in a 320 px pane, then looks the person up from the pane and sees the "Tra cứu khen thưởng"
 * sheet name the decision, its date as dd/MM/yyyy.
 */
const suite = useE2eSuite();

it('a decision recorded from the pane’s form shows in the person’s history looked up from the pane', async () => {
  const [chosen] = staffOf('kinh-te');
  await moveCampaignTo(suite.api, 'under_review', CAMPAIGN_ID);
  const seeded = await suite.seed([nomination(chosen!.id, { awardForm: 'BANG_KHEN_CT_UBND', status: 'eligible' })]);
  const id = seeded.rows[0]!.id!;
  await confirmRoundMarking(suite.api, CAMPAIGN_ID, await suite.api.tokenFor(SECRETARY), [id]);
  const hr = await suite.openHost(HR);
  await hr.waitForState((state) => !!state.user && !state.busy);
  // The pane as narrow as Excel's task pane gets: the form's fields stack, nothing overflows.
  await hr.page.evaluate(() => void ((document.querySelector('.pane') as HTMLElement).style.width = '320px'));
  await hr.openSheet();
  const form = hr.pane.locator('[data-section="decision"]');
  await form.getByRole('textbox', { name: 'Số quyết định', exact: true }).fill('2468/QĐ-UBND');
  await form.getByRole('textbox', { name: 'Ngày quyết định (dd/MM/yyyy)' }).fill('20/11/2025');
  await form.getByRole('textbox', { name: 'Người ký' }).fill('Chủ tịch UBND tỉnh');
  const ticked = form.getByRole('checkbox', { name: chosen!.fullName });
  expect(await ticked.isChecked()).toBe(true);
  const fits = await form.evaluate((section) => ({
    width: section.getBoundingClientRect().width,
    overflows: section.scrollWidth > section.clientWidth,
  }));
  expect(fits.width).toBeLessThan(320);
  expect(fits.overflows).toBe(false);
  await form.getByRole('button', { name: 'Ghi quyết định' }).click();
  const recorded = await hr.waitForState((state) => !state.busy && !!state.notice?.vi.startsWith('Đã ghi quyết định'));
  expect(recorded.error).toBeUndefined();
  expect(recorded.notice?.vi).toBe('Đã ghi quyết định số 2468/QĐ-UBND: 1 tập thể, cá nhân chuyển sang "Đã khen thưởng".');
  expect((await suite.nominations(HR)).find((n) => n.id === id)?.status).toBe('awarded');
  // The sheet was reloaded: the form no longer offers the awarded nominee.
  await expect.poll(() => form.getByRole('checkbox', { name: chosen!.fullName }).count(), { timeout: 30_000 }).toBe(0);
  await hr.waitForState((state) => !state.busy);

  await hr.pane.getByRole('textbox', { name: 'Họ tên, tên đơn vị hoặc mã' }).fill(chosen!.fullName);
  await hr.pane.getByRole('button', { name: 'Tra cứu' }).click();
  const done = await hr.waitForState((state) => !state.busy && !!state.notice?.vi.startsWith('Tra cứu'));
  expect(done.notice?.vi).toBe(`Tra cứu "${chosen!.fullName}": 1 lần khen thưởng, xem trang "Tra cứu khen thưởng".`);
  expect(await hr.host((host) => host.activeSheet())).toBe('Tra cứu khen thưởng');
  const cell = (row: number, column: number) =>
    hr.host((host, at) => host.cell('Tra cứu khen thưởng', at.row, at.column).value, { row, column });
  expect(await cell(0, 4)).toBe('Số quyết định');
  expect(await cell(1, 1)).toBe(chosen!.fullName);
  expect(await cell(1, 4)).toBe('2468/QĐ-UBND');
  expect(await cell(1, 5)).toBe('20/11/2025');
  expect(await cell(1, 9)).toBe('Quyết định nhập tay');
  expect(hr.log.errors).toEqual([]);
});
