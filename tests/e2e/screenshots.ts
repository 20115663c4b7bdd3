/**
 * The README's screenshots: the task pane and the sheet right after a save, in Vietnamese, in the
 * stand-in Excel host with the built pane over the local API (its own DynamoDB Local).
 *
 *   npx tsx tests/e2e/screenshots.ts            # writes docs/screenshots/*.png
 *
 * THIDUA_E2E_PANE_DIR uses a pane built beforehand instead of building one. The data is the demo
 * office's: fictional people, a campaign's worth of rows with what reviewers typically find in them.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildPane } from './support/assets';
import { launchChromium } from './support/browser';
import { HostPage } from './support/host-page';
import { HR } from './support/people';
import { columnIndex, COLUMNS, nomination, sheetRow, staffOf, TABLE } from './support/rows';
import { startE2eServer } from './support/server';
import { startStandaloneApi } from './support/standalone-api';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

const MISSING_MINUTES = {
  TO_TRINH: { present: true, number: '07/TTr-KT', date: '2025-09-15' },
  BIEN_BAN_HOP_XET: { present: false },
  BAO_CAO_THANH_TICH: { present: true, number: '01/BC-KT', date: '2025-09-10' },
};

/** Fourteen rows from four units, as HR consolidates them: most in order, some with findings. */
function rows(): string[][] {
  const th = staffOf('tong-hop');
  const kt = staffOf('kinh-te');
  const kg = staffOf('khoa-giao-van-xa');
  const nc = staffOf('noi-chinh-phap-che');
  const list = [
    nomination(th[0]!.id, { status: 'draft', achievements: 'Tham mưu tổng hợp báo cáo kinh tế - xã hội hằng tháng đúng hạn, chất lượng.' }),
    nomination(th[1]!.id, {
      status: 'draft',
      awardForm: 'BANG_KHEN_CT_UBND',
      achievements: 'Chủ trì xây dựng đề án chuyển đổi số của Văn phòng.',
    }),
    nomination(th[2]!.id, { status: 'submitted', achievements: 'Hoàn thành xuất sắc nhiệm vụ; hỗ trợ các xã khó khăn.' }),
    nomination(kt[0]!.id, {
      status: 'draft',
      dossier: MISSING_MINUTES,
      achievements: 'Thẩm định 45 dự án đầu tư, rút ngắn thời gian xử lý hồ sơ.',
    }),
    nomination(kt[1]!.id, {
      status: 'submitted',
      dossier: MISSING_MINUTES,
      achievements: 'Tham mưu cơ chế hỗ trợ hợp tác xã nông nghiệp.',
    }),
    nomination(kt[2]!.id, { status: 'draft', receivedDate: '2025-10-06', achievements: 'Theo dõi giải ngân vốn đầu tư công đạt 98%.' }),
    nomination(kg[0]!.id, { status: 'draft', achievements: 'Tổ chức thành công hội nghị tổng kết công tác giáo dục.' }),
    nomination(kg[1]!.id, { status: 'draft', criteriaMet: [], achievements: 'Phối hợp triển khai chương trình xóa nhà tạm, nhà dột nát.' }),
    nomination(kg[2]!.id, {
      status: 'draft',
      awardForm: 'BANG_KHEN_CT_UBND',
      achievements: 'Ứng dụng phần mềm quản lý văn bản và điều hành.',
    }),
    nomination(nc[0]!.id, { status: 'draft', achievements: 'Tham mưu giải quyết dứt điểm 12 vụ việc khiếu nại kéo dài.' }),
    nomination(nc[1]!.id, {
      status: 'draft',
      note: '=Bổ sung biên bản sau',
      achievements: 'Rà soát, hệ thống hóa 230 văn bản quy phạm pháp luật.',
    }),
    nomination(nc[2]!.id, { status: 'draft', achievements: 'Hoàn thành xuất sắc nhiệm vụ được giao.' }),
  ].map(sheetRow);
  const unknown = sheetRow(nomination(nc[3]!.id, { status: 'draft' }));
  unknown[columnIndex('nominee')] = 'Hoàng Văn Minh';
  const badDate = sheetRow(nomination(kg[3]!.id, { status: 'draft', achievements: 'Đảm bảo tiến độ, chất lượng văn bản tham mưu.' }));
  badDate[columnIndex('dossier.TO_TRINH.date')] = '31/9/2025';
  return [...list.slice(0, 9), unknown, ...list.slice(9), badDate];
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const given = process.env.THIDUA_E2E_PANE_DIR;
  const [api, pane] = await Promise.all([
    startStandaloneApi(),
    given ? Promise.resolve({ dir: given, remove: async () => {} }) : buildPane(),
  ]);
  const server = await startE2eServer({ apiUrl: api.baseUrl, paneDir: pane.dir });
  const browser = await launchChromium();
  try {
    const excel = await HostPage.open(browser, server, {}, { width: 2100, height: 1040 });
    await excel.signIn(HR);
    await excel.setAutosave(false);
    await excel.openSheet();
    await excel.pasteRows(rows());
    const save = await excel.save();
    await excel.waitForState((state) => state.issueCounts.errors > 0 && state.quota.length > 0);
    console.log(`saved: ${JSON.stringify(save.state.lastSave)}; syncs in the save: ${save.state.lastSaveSyncs}`);
    // HR closes the save's status line, as one does.
    const dismiss = excel.pane.getByRole('button', { name: 'Đóng' });
    if ((await dismiss.count()) > 0) await dismiss.first().click();

    // HR hides the columns between the nominee and the status to see the findings beside the names.
    const hidden = COLUMNS.map((column, index) => ({ column, index }))
      .filter(
        ({ column }) =>
          ['achievements', 'criteriaMet', 'movements', 'receivedDate', 'returnReason', 'note'].includes(column.id) ||
          column.id.startsWith('dossier.'),
      )
      .map(({ index }) => index);
    await excel.host((host, arg) => host.hideColumns(arg.sheet, arg.columns), { sheet: 'Tổng hợp đề nghị', columns: hidden });
    // The pane's "select the cell" of a finding, then the pointer over that row's note.
    const table = await excel.host((host, name) => host.table(name)!, TABLE);
    await excel.host((host, at) => host.select(at.sheet, [{ row: at.row, column: at.column }]), {
      sheet: table.sheet,
      row: table.top + 5,
      column: columnIndex('status'),
    });
    await excel.host((host) => host.reveal(0, 0));
    await excel.page.waitForTimeout(200);
    const notes = await excel.host((host, sheet) => host.notes(sheet), table.sheet);
    const shown = notes.find((note) => note.content.includes('NOMINEE_UNKNOWN')) ?? notes.find((note) => !hidden.includes(note.column))!;
    await excel.page.locator(`td[data-r="${shown.row}"][data-c="${shown.column}"]`).hover();
    await excel.page.waitForTimeout(200);
    await excel.page.screenshot({ path: `${OUT}excel-after-save.png` });
    // The sheet alone, as tall as its rows and a few blank ones.
    await excel.page.setViewportSize({ width: 2100, height: 560 });
    await excel.page.waitForTimeout(300);
    await excel.page.locator(`td[data-r="${shown.row}"][data-c="${shown.column}"]`).hover();
    await excel.page.waitForTimeout(200);
    await excel.page.locator('.xl-app').screenshot({ path: `${OUT}sheet-after-save.png` });

    // The whole pane, in a window tall enough to show it without scrolling.
    await excel.page.setViewportSize({ width: 2100, height: 1280 });
    await excel.page.mouse.move(0, 0);
    await excel.page.waitForTimeout(300);
    await excel.page.locator('aside.pane').screenshot({ path: `${OUT}pane-after-save.png` });
    const stats = await excel.stats();
    if (stats.gaps.length > 0 || excel.log.errors.length > 0)
      throw new Error(`the host saw gaps or errors: ${JSON.stringify([stats.gaps, excel.log.errors])}`);
    console.log(`written: ${OUT}{excel,sheet,pane}-after-save.png`);
  } finally {
    await browser.close();
    await server.close();
    await api.close();
    if (!given) await pane.remove();
  }
}

await main();
