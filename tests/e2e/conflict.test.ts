import { expect, it } from 'vitest';
import { HR, unitClerk } from './support/people';
import { columnIndex, nomination, personName, staffOf } from './support/rows';
import { useE2eSuite } from './support/suite';

/**
 * Scenario: two panes on the same campaign — HR in one Excel window, the clerk of Phòng Kinh tế in
 * another — load the same rows and both edit them. HR saves first. The clerk's save finds the rows
 * changed meanwhile: the pane shows both versions side by side; the clerk keeps her own for one row
 * and takes the server's for the other, and nothing anyone typed is lost without a choice.
 */
const suite = useE2eSuite();

it('shows a conflict between two panes with both versions, and saves the one chosen', async () => {
  const [first, second] = staffOf('kinh-te');
  const seeded = await suite.seed([nomination(first!.id), nomination(second!.id)]);
  const [idA, idB] = seeded.rows.map((row) => row.id!);

  const hr = await suite.openHost(HR);
  const clerk = await suite.openHost(unitClerk('kinh-te'));
  await hr.openSheet();
  await clerk.openSheet();
  expect((await clerk.table()).rowCount).toBe(2);

  const achievements = columnIndex('achievements');
  const hrText = {
    A: 'Phòng HCTC-QTTV sửa: hoàn thành xuất sắc nhiệm vụ, có sáng kiến cấp tỉnh.',
    B: 'Phòng HCTC-QTTV sửa: thành tích đã được xác minh.',
  };
  const clerkText = { A: 'Văn thư Phòng Kinh tế sửa: bổ sung kết quả năm 2025.', B: 'Văn thư Phòng Kinh tế sửa: đề nghị xem xét.' };
  await hr.editCell(await hr.rowOfId(idA!), achievements, hrText.A);
  await hr.editCell(await hr.rowOfId(idB!), achievements, hrText.B);
  await clerk.editCell(await clerk.rowOfId(idA!), achievements, clerkText.A);
  await clerk.editCell(await clerk.rowOfId(idB!), achievements, clerkText.B);

  const hrSave = await hr.save();
  expect(hrSave.state.lastSave).toMatchObject({ saved: 2, conflicts: 0 });
  expect(hrSave.state.notice?.vi).toBe('Đã lưu 2 dòng.');

  const clerkSave = await clerk.save();
  expect(clerkSave.state.lastSave).toMatchObject({ saved: 0, conflicts: 2 });
  expect(clerkSave.state.conflicts.map((conflict) => conflict.id).sort()).toEqual([idA, idB].sort());
  // The load's "Đã tải 2 đề nghị." gives way to what the save did.
  expect(clerkSave.state.notice?.vi).toBe('Đã lưu 0 dòng. 2 dòng xung đột với bản trên máy chủ: chọn bản cần giữ ở mục Xung đột.');
  await expect.poll(() => clerk.pane.getByText(/^Đã lưu 0 dòng\. 2 dòng xung đột/).count()).toBe(1);
  expect(await clerk.pane.getByText('Đã tải 2 đề nghị.').count()).toBe(0);

  // The conflict panel: each row with the clerk's cells beside the server's, where they differ.
  await expect.poll(() => clerk.pane.getByRole('heading', { name: 'Xung đột (2)' }).count()).toBe(1);
  const rowA = clerk.pane.getByRole('article', { name: `Dòng: ${personName(first!.id)}` });
  await expect.poll(() => rowA.getByText(clerkText.A, { exact: true }).count()).toBe(1);
  await expect.poll(() => rowA.getByText(hrText.A, { exact: true }).count()).toBe(1);
  // Who changed it and when; no version numbers; the safe choice first and primary.
  expect(await rowA.getByText(/^tochuc@thidua\.local đã sửa lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}\.$/).count()).toBe(1);
  expect(await rowA.textContent()).not.toMatch(/phiên bản/);
  expect(await rowA.getByRole('button').allTextContents()).toEqual(['Lấy bản trên máy chủ', 'Giữ bản của tôi']);
  // In a 320 px pane the fields stack, and no word breaks across two lines ("thàn|h").
  await clerk.page.evaluate(() => void ((document.querySelector('.pane') as HTMLElement).style.width = '320px'));
  const layout = await rowA.evaluate((article) => {
    const split: string[] = [];
    let words = 0;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
        words += 1;
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        if (new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size > 1) split.push(word[0]);
      }
    }
    return { words, width: article.getBoundingClientRect().width, overflows: article.scrollWidth > article.clientWidth, split };
  });
  expect(layout.width).toBeLessThan(320);
  expect(layout.words).toBeGreaterThan(20);
  expect(layout).toMatchObject({ overflows: false, split: [] });
  // The rows are marked in the sheet, and nothing the clerk typed was overwritten.
  const fills = await clerk.fills();
  expect(fills.every((fill) => fill === '#F4B183')).toBe(true);
  expect((await clerk.column('achievements')).map((cell) => cell.value).sort()).toEqual([clerkText.A, clerkText.B].sort());
  expect((await clerk.column('messages'))[0]!.text).toMatch(/^Xung đột: dòng đã được người khác sửa trên máy chủ\./);

  // Row A: the clerk keeps hers (saved over the server's version 2).
  await rowA.getByRole('button', { name: 'Giữ bản của tôi' }).click();
  await clerk.waitForState((state) => !state.saving && state.conflicts.length === 1);
  // Row B: she takes the server's.
  const rowB = clerk.pane.getByRole('article', { name: `Dòng: ${personName(second!.id)}` });
  await rowB.getByRole('button', { name: 'Lấy bản trên máy chủ' }).click();
  const settled = await clerk.waitForState((state) => !state.saving && !state.busy && state.conflicts.length === 0);
  expect(settled.unsavedRows).toBe(0);
  expect(await clerk.pane.getByRole('heading', { name: /^Xung đột/ }).count()).toBe(0);

  const stored = await suite.nominations();
  expect(stored.find((item) => item.id === idA)).toMatchObject({ achievements: clerkText.A, version: 3 });
  expect(stored.find((item) => item.id === idB)).toMatchObject({ achievements: hrText.B, version: 2 });
  const clerkRows = await clerk.column('achievements');
  expect(clerkRows[(await clerk.rowOfId(idA!)) - 1]!.value).toBe(clerkText.A);
  expect(clerkRows[(await clerk.rowOfId(idB!)) - 1]!.value).toBe(hrText.B);
  expect((await clerk.fills()).every((fill) => fill !== '#F4B183')).toBe(true);
  for (const page of [hr, clerk]) {
    expect((await page.stats()).gaps).toEqual([]);
    expect(page.log.errors).toEqual([]);
  }
});
