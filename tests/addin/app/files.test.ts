import { describe, expect, it } from 'vitest';
import { useTestApi } from '#tests/support/api';
import { freshPaneServer, type PaneServer } from '#tests/support/pane-api';
import { fileBytes, useS3Local } from '#tests/support/s3';
import { moveCampaignTo } from '#tests/support/stage';
import { fields, staffOf } from './fixtures';
import { HR, openPane } from './harness';

/**
 * "Hồ sơ đính kèm" in the pane (issue 11) over the real API, DynamoDB Local and s3rver, with the
 * in-memory sheet: the selected row's files, an upload (checked in the pane, PUT to storage with its
 * progress, confirmed), the row's "Số tệp" count and rule 5's finding after it, delete, restore,
 * replace, a download link, and what the role and the stage allow.
 */
useS3Local();
const api = useTestApi();
const CLERK = 'kinh-te@thidua.local';

const pdf = (name: string, size = 4096) => new File([fileBytes('pdf', size) as BlobPart], name, { type: 'application/pdf' });

/** A campaign asking for files, one saved nomination of Phòng Kinh tế, a pane with the sheet open and its row selected. */
async function paneOnRow(email = HR, server?: PaneServer) {
  server ??= await freshPaneServer(api);
  await server.updateCampaign({ dossierFilesRequired: true });
  const [person] = staffOf('kinh-te');
  const nomination = await server.put(fields(person!.id, { status: 'draft' }), CLERK);
  const pane = await openPane({ server, email });
  await pane.actions.openSheet();
  pane.gateway.selection = [pane.gateway.findRow('id', nomination.id)];
  await pane.actions.files.showSelected();
  const files = () => pane.state().files!;
  const count = (code: string) => pane.gateway.cell(pane.gateway.findRow('id', nomination.id), `dossier.${code}.files`);
  const messages = () => String(pane.gateway.cell(pane.gateway.findRow('id', nomination.id), 'messages'));
  return { ...pane, server, nomination, files, count, messages };
}

describe('the selected row’s dossier files', () => {
  it('lists the documents, uploads a PDF with its progress, and the row shows the file and loses the finding', async () => {
    const pane = await paneOnRow();
    expect(pane.files()).toMatchObject({ nominationId: pane.nomination.id, canChange: true });
    expect(pane.files().documents.map((d) => [d.code, d.files.length])).toEqual([
      ['TO_TRINH', 0],
      ['BIEN_BAN_HOP_XET', 0],
      ['BAO_CAO_THANH_TICH', 0],
    ]);
    expect(pane.messages()).toContain('Tờ trình đề nghị khen thưởng: chưa đính kèm tệp bản quét');

    const progress: number[] = [];
    const unsubscribe = pane.controller.subscribe(() => {
      const upload = pane.state().files?.upload;
      if (upload) progress.push(upload.sent / upload.total);
    });
    const syncs = pane.gateway.syncCount;
    await pane.actions.files.upload('TO_TRINH', pdf('tờ trình.pdf'));
    unsubscribe();
    expect(pane.state().error).toBeUndefined();
    expect(progress).toEqual([0, 1]);
    expect(pane.files().upload).toBeUndefined();
    expect(pane.files().documents[0]!.files.map((f) => [f.name, f.status, f.contentType])).toEqual([
      ['tờ trình.pdf', 'stored', 'application/pdf'],
    ]);
    expect(pane.state().notice?.vi).toBe('Đã tải lên tệp "tờ trình.pdf".');
    // The count and the findings in one write of the row.
    expect(pane.gateway.syncCount - syncs).toBe(1);
    expect(pane.count('TO_TRINH')).toBe(1);
    expect(pane.count('BIEN_BAN_HOP_XET')).toBe(0);
    expect(pane.messages()).not.toContain('Tờ trình đề nghị khen thưởng: chưa đính kèm');
    expect(pane.messages()).toContain('Biên bản cuộc họp xét khen thưởng: chưa đính kèm tệp bản quét');
    const missing = pane.state().issues.find((group) => group.code === 'DOSSIER_FILE_MISSING');
    expect(missing?.items.filter((item) => item.nominationId === pane.nomination.id)).toHaveLength(2);
    // The server counts the same.
    expect((await pane.server.nomination(pane.nomination.id))?.files).toEqual({ TO_TRINH: 1 });
  });

  it('refuses in the pane, before any request, a JPEG renamed .pdf, an empty file and one over 20 MB', async () => {
    const pane = await paneOnRow();
    const before = pane.server.log.length;
    const jpeg = new File([fileBytes('jpeg', 2048) as BlobPart], 'bien-ban.pdf', { type: 'application/pdf' });
    await pane.actions.files.upload('BIEN_BAN_HOP_XET', jpeg);
    expect(pane.state().error?.vi).toBe(
      'Tệp "bien-ban.pdf" có phần mở rộng không khớp nội dung (nội dung là JPEG): hãy đổi tên cho đúng hoặc chọn đúng tệp bản quét.',
    );
    await pane.actions.files.upload('BIEN_BAN_HOP_XET', new File([], 'trong.pdf'));
    expect(pane.state().error?.vi).toContain('rỗng');
    await pane.actions.files.upload('BIEN_BAN_HOP_XET', pdf('lon.pdf', 20 * 1024 * 1024 + 1));
    expect(pane.state().error?.en).toContain('larger than 20 MB');
    expect(pane.server.log.slice(before).filter((entry) => entry.path.endsWith('/files'))).toEqual([]);
  });

  it('deletes (recoverable), restores, replaces, and gives a download link', async () => {
    const pane = await paneOnRow();
    await pane.actions.files.upload('BAO_CAO_THANH_TICH', pdf('bao-cao.pdf'));
    const [first] = pane.files().documents[2]!.files;

    await pane.actions.files.remove(first!.id);
    expect(pane.count('BAO_CAO_THANH_TICH')).toBe(0);
    expect(pane.files().documents[2]!.deleted.map((f) => f.name)).toEqual(['bao-cao.pdf']);
    expect(pane.state().notice?.vi).toBe('Đã xóa tệp "bao-cao.pdf": khôi phục được trong 30 ngày.');
    expect(pane.messages()).toContain('Báo cáo thành tích: chưa đính kèm tệp bản quét');

    await pane.actions.files.restore(first!.id);
    expect(pane.count('BAO_CAO_THANH_TICH')).toBe(1);
    expect(pane.files().documents[2]!.deleted).toEqual([]);

    await pane.actions.files.upload('BAO_CAO_THANH_TICH', pdf('bao-cao-ky.pdf', 5000), first!.id);
    expect(pane.files().documents[2]!.files.map((f) => f.name)).toEqual(['bao-cao-ky.pdf']);
    expect(pane.files().documents[2]!.deleted.map((f) => f.name)).toEqual(['bao-cao.pdf']);
    expect(pane.count('BAO_CAO_THANH_TICH')).toBe(1);

    await pane.actions.files.download(pane.files().documents[2]!.files[0]!.id);
    const download = await fetch(pane.files().download!.url);
    expect(download.status).toBe(200);
    expect((await download.arrayBuffer()).byteLength).toBe(5000);
  });
});

describe('who may change them, by role and stage', () => {
  it('a unit clerk uploads while the campaign is open, reads only once the council reviews', async () => {
    const server = await freshPaneServer(api);
    const clerk = await paneOnRow(CLERK, server);
    expect(clerk.files().canChange).toBe(true);
    await moveCampaignTo(api, 'under_review', server.campaignId);
    const again = await openPane({ server, email: CLERK });
    await again.actions.openSheet();
    again.gateway.selection = [0];
    await again.actions.files.showSelected();
    expect(again.state().files?.canChange).toBe(false);
  });

  it('a viewer reads only; a row without an id asks for a saved row', async () => {
    const viewer = await paneOnRow('lanhdao@thidua.local');
    expect(viewer.files().canChange).toBe(false);
    viewer.gateway.selection = [];
    await viewer.actions.files.showSelected();
    expect(viewer.state().files).toBeUndefined();
    expect(viewer.state().notice?.vi).toContain('Hãy chọn một ô trên một dòng đã lưu');
  });
});
