import { expect, it } from 'vitest';
import { confirmRoundMarking } from '#tests/support/documents';
import { moveCampaignTo } from '#tests/support/stage';
import { CAMPAIGN_ID, HR, SECRETARY } from './support/people';
import { nomination, staffOf } from './support/rows';
import { useE2eSuite } from './support/suite';

/**
 * Scenario (issue 11, section 2): the council selects a nominee for the Bằng khen, HR records the
 * Province's decision, then looks the person up from the pane and sees the "Tra cứu khen thưởng"
 * sheet name the decision, its date as dd/MM/yyyy.
 */
const suite = useE2eSuite();

it('a recorded decision shows in the person’s history looked up from the pane', async () => {
  const [chosen] = staffOf('kinh-te');
  await moveCampaignTo(suite.api, 'under_review', CAMPAIGN_ID);
  const seeded = await suite.seed([nomination(chosen!.id, { awardForm: 'BANG_KHEN_CT_UBND', status: 'eligible' })]);
  const id = seeded.rows[0]!.id!;
  await confirmRoundMarking(suite.api, CAMPAIGN_ID, await suite.api.tokenFor(SECRETARY), [id]);
  const decision = {
    number: '2468/QĐ-UBND',
    date: '2025-11-20',
    signer: 'Chủ tịch UBND tỉnh',
    awardForm: 'BANG_KHEN_CT_UBND',
    nominationIds: [id],
  };
  const recorded = await suite.api.request('POST', `/campaigns/${CAMPAIGN_ID}/decisions`, {
    token: await suite.api.tokenFor(HR),
    body: decision,
  });
  expect(recorded.status, recorded.text).toBe(200);

  const hr = await suite.openHost(HR);
  await hr.waitForState((state) => !!state.user && !state.busy);
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
