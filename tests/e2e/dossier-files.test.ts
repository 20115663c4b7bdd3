import { afterAll, beforeAll, expect, it } from 'vitest';
import { startS3Local, type S3Local } from '#local/s3-local';
import { HR } from './support/people';
import { columnIndex, nomination, staffOf } from './support/rows';
import { useE2eSuite } from './support/suite';

/**
 * Scenario (issue 11): the campaign asks for scans (dossierFilesRequired). HR opens the sheet, selects
 * a row, and in "Hồ sơ đính kèm" attaches a small PDF to its Tờ trình: the pane PUTs it straight to the
 * bucket (s3rver, CORS for the pane's origin), the row's "Số tệp" count becomes 1 and its finding that
 * the Tờ trình has no scan goes; a JPEG renamed .pdf is refused in the pane with its message.
 */
const suite = useE2eSuite();
let s3: S3Local | undefined;

beforeAll(async () => {
  // The files' handler (in this process) makes its bucket client on first use: pointed at s3rver first.
  s3 = await startS3Local({ port: 0, bucket: `e2e-${Date.now().toString(36)}`, origins: [new URL(suite.server.url).origin] });
  process.env.S3_ENDPOINT = s3.endpoint;
  process.env.BUCKET_NAME = s3.bucket;
});
afterAll(() => s3?.stop());

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, ...new Array(200).fill(0)]);
const MISSING_SCAN = 'Tờ trình đề nghị khen thưởng: chưa đính kèm tệp bản quét';

it('attaches a PDF to a row: the count in the sheet, the finding gone; a JPEG renamed .pdf refused', async () => {
  await suite.updateCampaign({ dossierFilesRequired: true });
  const [person] = staffOf('kinh-te');
  // A draft: a submission without its scans would be refused now that the campaign asks for them.
  const seeded = await suite.seed([nomination(person!.id, { status: 'draft' })]);
  const id = seeded.rows[0]!.id!;

  const excel = await suite.openHost(HR);
  await excel.openSheet();
  const row = await excel.rowOfId(id);
  const cellOf = async (columnId: string) => (await excel.column(columnId))[row - (await excel.table()).top - 1]!;
  expect((await cellOf('dossier.TO_TRINH.files')).value).toBe(0);
  expect(String((await cellOf('messages')).value)).toContain(MISSING_SCAN);

  await excel.selectCell(row, columnIndex('achievements'));
  await excel.pane.getByRole('button', { name: 'Xem dòng đang chọn' }).click();
  const shown = await excel.waitForState((state) => state.files !== undefined && !state.busy);
  expect(shown.files?.nominationId).toBe(id);
  await expect.poll(() => excel.pane.locator('[data-files-document="TO_TRINH"]').textContent()).toContain('Chưa có tệp.');

  const syncs = (await excel.stats()).syncs;
  await excel.pane
    .locator('[data-files-input="upload-TO_TRINH"]')
    .setInputFiles({ name: 'to-trinh.pdf', mimeType: 'application/pdf', buffer: PDF });
  const done = await excel.waitForState((state) => state.notice?.vi === 'Đã tải lên tệp "to-trinh.pdf".' && !state.busy);
  expect(done.error).toBeUndefined();
  expect(done.files?.documents.find((d) => d.code === 'TO_TRINH')?.files.map((f) => f.name)).toEqual(['to-trinh.pdf']);
  await expect(excel.pane.locator('[data-file="to-trinh.pdf"]').isVisible()).resolves.toBe(true);

  // The sheet: the count, and the row's findings without the missing scan, from the pane's one write of the row.
  expect((await cellOf('dossier.TO_TRINH.files')).value).toBe(1);
  expect(String((await cellOf('messages')).value)).not.toContain(MISSING_SCAN);
  expect(String((await cellOf('messages')).value)).toContain('Biên bản cuộc họp xét khen thưởng: chưa đính kèm tệp bản quét');
  // One request (writeRow): the row found by its id where "Xem dòng đang chọn" read it, its cells, fill and notes.
  expect((await excel.stats()).syncs - syncs).toBe(1);
  // The bytes went to the bucket, never through the API.
  const apiBytes = suite.server.requests
    .filter((request) => request.path.includes('/files'))
    .reduce((sum, request) => sum + request.requestBytes, 0);
  expect(apiBytes).toBeLessThan(PDF.length + 1000);
  expect((await suite.nominations()).find((n) => n.id === id)?.files).toEqual({ TO_TRINH: 1 });

  const before = suite.server.requests.length;
  await excel.pane
    .locator('[data-files-input="upload-BIEN_BAN_HOP_XET"]')
    .setInputFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: JPEG });
  const refused = await excel.waitForState((state) => state.error !== undefined && !state.busy);
  const message =
    'Tệp "bien-ban.pdf" có phần mở rộng không khớp nội dung (nội dung là JPEG): hãy đổi tên cho đúng hoặc chọn đúng tệp bản quét.';
  expect(refused.error?.vi).toBe(message);
  await expect(excel.pane.getByText(message).isVisible()).resolves.toBe(true);
  expect(suite.server.requests.slice(before).filter((request) => request.path.includes('/files'))).toEqual([]);
  expect((await excel.stats()).gaps).toEqual([]);
  expect(excel.log.errors).toEqual([]);
});
