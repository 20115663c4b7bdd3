import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UploadTicket } from '#shared/api/files';
import { MAX_FILE_BYTES, type DossierFile } from '#shared/dossier-files';
import { keys } from '#functions/store/keys';
import { updateCampaign, useTestApi } from '#tests/support/api';
import { moveCampaignTo } from '#tests/support/stage';
import { fileBytes, useS3Local } from '#tests/support/s3';
import { ADMIN, BATCH, CAMPAIGN_ID, HR, SECRETARY, VIEWER, row, staffOf, unitClerk } from '#tests/support/rows';

/**
 * Issue 11's dossier files over the real handlers, DynamoDB Local and s3rver: the presigned upload and
 * its confirmation, the content check, who reaches which files, deletion and restore, the 20 MB limit,
 * the audit, and rule 5 counting the files when the campaign asks for them.
 */
const s3 = useS3Local();
const api = useTestApi();
const UNIT = 'kinh-te';
const OTHER = 'tong-hop';
let nominationId = '';
let files = '';

async function token(email: string) {
  return api.tokenFor(email);
}

async function ask(email: string, body: object) {
  return api.request('POST', files, { token: await token(email), body });
}

async function put(ticket: UploadTicket, bytes: Uint8Array) {
  const response = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: bytes as unknown as BodyInit });
  return response.status;
}

/** Ask, PUT and confirm a file as a user: the confirmation's answer. */
async function upload(email: string, document: string, kind: 'pdf' | 'png' | 'jpeg' | 'text', declared: string, size = 2048) {
  const ticket = await ask(email, { document, fileName: `${document}.scan`, contentType: declared, size });
  expect(ticket.status).toBe(201);
  expect(await put(ticket.body, fileBytes(kind, size))).toBe(200);
  return api.request('POST', `${files}/${ticket.body.file.id}/confirm`, { token: await token(email) });
}

function objects() {
  const client = new S3Client({
    region: 'ap-southeast-1',
    endpoint: s3.current.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return {
    keys: async () => ((await client.send(new ListObjectsV2Command({ Bucket: s3.current.bucket }))).Contents ?? []).map((o) => o.Key!),
  };
}

beforeAll(async () => {
  const saved = await api.request('POST', BATCH, { token: await token(unitClerk(UNIT)), body: { rows: [row(staffOf(UNIT)[0]!.id)] } });
  nominationId = saved.body.rows[0].id;
  files = `/campaigns/${CAMPAIGN_ID}/nominations/${nominationId}/files`;
});

describe('an upload through a presigned URL', () => {
  it('is stored once confirmed, listed, counted beside the nomination and downloadable', async () => {
    const confirmed = await upload(unitClerk(UNIT), 'TO_TRINH', 'pdf', 'application/pdf');
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'stored', document: 'TO_TRINH', contentType: 'application/pdf', size: 2048 });
    const list = await api.request('GET', files, { token: await token(HR) });
    expect(list.body.files.map((f: DossierFile) => f.id)).toEqual([confirmed.body.id]);
    const nominations = await api.request('GET', `/campaigns/${CAMPAIGN_ID}/nominations`, { token: await token(HR) });
    expect(nominations.body.items.find((n: { id: string }) => n.id === nominationId).files).toEqual({ TO_TRINH: 1 });
    const link = await api.request('GET', `${files}/${confirmed.body.id}/download`, { token: await token(VIEWER) });
    const download = await fetch(link.body.url);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(fileBytes('pdf', 2048));
    // Confirmed, it left pending/ (whose lifecycle rule would end it) for its place.
    expect((await objects().keys()).filter((key) => key.endsWith(confirmed.body.id))).toEqual([
      `campaigns/${CAMPAIGN_ID}/nominations/${nominationId}/TO_TRINH/${confirmed.body.id}`,
    ]);
  });

  it('lands under pending/ until confirmed; one never confirmed stays there, its record set to expire', async () => {
    const ticket = await ask(HR, { document: 'TO_TRINH', fileName: 'bo-do.pdf', contentType: 'application/pdf', size: 100 });
    expect(await put(ticket.body, fileBytes('pdf', 100))).toBe(200);
    const id = ticket.body.file.id;
    expect((await objects().keys()).filter((key) => key.endsWith(id))).toEqual([
      `pending/campaigns/${CAMPAIGN_ID}/nominations/${nominationId}/TO_TRINH/${id}`,
    ]);
    // The bucket's pending/ rule (infra) clears the object; DynamoDB's TTL the record, a day on.
    const record = await api.doc.send(new GetCommand({ TableName: api.tableName, Key: keys.file(CAMPAIGN_ID, nominationId, id) }));
    const day = Date.parse(ticket.body.file.uploadedAt) / 1000 + 24 * 3600;
    expect(record.Item!.ttl).toBeGreaterThan(day - 5);
    expect(record.Item!.ttl).toBeLessThan(day + 5);
    expect((await api.request('GET', files, { token: await token(HR) })).body.files.map((f: DossierFile) => f.id)).not.toContain(id);
  });

  it('binds the content type and the length in the signature', async () => {
    const ticket = await ask(HR, { document: 'TO_TRINH', fileName: 'C:\\scans\\to-trinh.pdf', contentType: 'application/pdf', size: 1000 });
    const signed = new URL(ticket.body.url).searchParams.get('X-Amz-SignedHeaders')!.split(';');
    expect(signed).toEqual(expect.arrayContaining(['content-length', 'content-type', 'host']));
    expect(ticket.body.file).toMatchObject({ status: 'pending', name: 'to-trinh.pdf' });
  });
});

describe('a wrong type', () => {
  it.each(['png', 'text'] as const)('declared PDF but %s bytes sent: refused, object and record removed', async (kind) => {
    const before = (await objects().keys()).length;
    const refused = await upload(HR, 'BIEN_BAN_HOP_XET', kind, 'application/pdf');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('FILE_TYPE_MISMATCH');
    expect(refused.body.message.vi).toMatch(/không phải PDF, JPEG hoặc PNG/);
    expect((await objects().keys()).length).toBe(before);
  });

  it('a type outside PDF, JPEG and PNG is refused before any URL is given', async () => {
    const refused = await ask(HR, { document: 'TO_TRINH', fileName: 'a.docx', contentType: 'application/msword', size: 10 });
    expect(refused.status).toBe(400);
  });
});

describe('over 20 MB', () => {
  it('is refused when asked: no URL, no record', async () => {
    const refused = await ask(HR, { document: 'TO_TRINH', fileName: 'big.pdf', contentType: 'application/pdf', size: MAX_FILE_BYTES + 1 });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
  });

  it('sent beyond what was declared (s3rver does not check the signed length): deleted on confirm, never kept', async () => {
    const ticket = await ask(HR, { document: 'TO_TRINH', fileName: 'big.pdf', contentType: 'application/pdf', size: 1024 });
    expect(await put(ticket.body, fileBytes('pdf', MAX_FILE_BYTES + 1))).toBe(200);
    const refused = await api.request('POST', `${files}/${ticket.body.file.id}/confirm`, { token: await token(HR) });
    expect(refused.status).toBe(413);
    expect(refused.body.code).toBe('FILE_TOO_LARGE');
    expect((await objects().keys()).some((key) => key.endsWith(ticket.body.file.id))).toBe(false);
    const again = await api.request('POST', `${files}/${ticket.body.file.id}/confirm`, { token: await token(HR) });
    expect(again.status).toBe(404);
  });
});

describe('who reaches the files', () => {
  it('a clerk of another unit is refused, to read and to write', async () => {
    const other = await token(unitClerk(OTHER));
    expect((await api.request('GET', files, { token: other })).body.code).toBe('FORBIDDEN_UNIT');
    const upload = await api.request('POST', files, {
      token: other,
      body: { document: 'TO_TRINH', fileName: 'x.pdf', contentType: 'application/pdf', size: 10 },
    });
    expect(upload.status).toBe(403);
    expect(upload.body.code).toBe('FORBIDDEN_UNIT');
  });

  it.each([SECRETARY, VIEWER])('%s reads but may not upload', async (email) => {
    expect((await api.request('GET', files, { token: await token(email) })).status).toBe(200);
    const refused = await ask(email, { document: 'TO_TRINH', fileName: 'x.pdf', contentType: 'application/pdf', size: 10 });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
  });

  it('a document the campaign does not ask for is refused', async () => {
    const refused = await ask(HR, { document: 'GIAY_TO_KHAC', fileName: 'x.pdf', contentType: 'application/pdf', size: 10 });
    expect(refused.body.code).toBe('DOSSIER_DOCUMENT_UNKNOWN');
  });
});

describe('delete and restore', () => {
  it('a deleted file leaves the list and the count, moves under deleted/, and comes back on restore', async () => {
    const stored = await upload(unitClerk(UNIT), 'BAO_CAO_THANH_TICH', 'jpeg', 'image/jpeg');
    const clerk = await token(unitClerk(UNIT));
    const deleted = await api.request('DELETE', `${files}/${stored.body.id}`, { token: clerk });
    expect(deleted.body).toMatchObject({ status: 'deleted', deletedBy: unitClerk(UNIT) });
    expect((await api.request('GET', files, { token: clerk })).body.files.map((f: DossierFile) => f.id)).not.toContain(stored.body.id);
    const withDeleted = await api.request('GET', `${files}?includeDeleted=true`, { token: clerk });
    expect(withDeleted.body.files.map((f: DossierFile) => f.id)).toContain(stored.body.id);
    expect((await objects().keys()).filter((key) => key.endsWith(stored.body.id))[0]).toMatch(/^deleted\/campaigns\//);
    expect((await api.request('GET', `${files}/${stored.body.id}/download`, { token: clerk })).status).toBe(404);

    const restored = await api.request('POST', `${files}/${stored.body.id}/restore`, { token: clerk });
    expect(restored.body.status).toBe('stored');
    expect(restored.body.deletedAt).toBeUndefined();
    expect((await objects().keys()).filter((key) => key.endsWith(stored.body.id))[0]).toMatch(/^campaigns\//);
    // A retried restore (its answer lost to the network) answers the file as it is.
    const again = await api.request('POST', `${files}/${stored.body.id}/restore`, { token: clerk });
    expect(again.body).toMatchObject({ id: stored.body.id, status: 'stored' });
  });

  it('every confirmed upload, deletion and restore is in the audit log; a refused upload is not', async () => {
    const page = await api.request('GET', `/campaigns/${CAMPAIGN_ID}/audit?limit=100&nominationId=${nominationId}`, {
      token: await token(ADMIN),
    });
    const actions = page.body.entries.map((entry: { action: string }) => entry.action).filter((a: string) => a.startsWith('file.'));
    expect(actions.sort()).toEqual(['file.delete', 'file.restore', 'file.upload', 'file.upload']);
    const restore = page.body.entries.find((entry: { action: string }) => entry.action === 'file.restore');
    expect(restore).toMatchObject({
      actor: unitClerk(UNIT),
      changes: { 'files.BAO_CAO_THANH_TICH': { to: { contentType: 'image/jpeg' } } },
    });
  });
});

describe('rule 5 counts the files when the campaign asks for them', () => {
  it('a document without its scan is flagged DOSSIER_FILE_MISSING; with it, not', async () => {
    await updateCampaign(api, { dossierFilesRequired: true });
    const report = await api.request('GET', `/campaigns/${CAMPAIGN_ID}/validation`, { token: await token(HR) });
    const codes = (answer: typeof report) =>
      answer.body.issues
        .filter((issue: { nominationId?: string }) => issue.nominationId === nominationId)
        .map((issue: { code: string; field: string }) => `${issue.code} ${issue.field}`);
    expect(codes(report)).toEqual(['DOSSIER_FILE_MISSING dossier.BIEN_BAN_HOP_XET']);
    expect((await upload(HR, 'BIEN_BAN_HOP_XET', 'png', 'image/png')).status).toBe(200);
    expect(codes(await api.request('GET', `/campaigns/${CAMPAIGN_ID}/validation`, { token: await token(HR) }))).toEqual([]);
    await updateCampaign(api, { dossierFilesRequired: false });
  });
});

describe("the campaign's stage", () => {
  it('keeps a clerk from changing files once the council reviews; HR still may; reading stays open', async () => {
    const stored = await upload(unitClerk(UNIT), 'TO_TRINH', 'pdf', 'application/pdf');
    await moveCampaignTo(api, 'under_review');
    const clerk = await token(unitClerk(UNIT));
    const refused = await ask(unitClerk(UNIT), { document: 'TO_TRINH', fileName: 'x.pdf', contentType: 'application/pdf', size: 10 });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SUBMISSIONS_CLOSED');
    expect(refused.body.message.vi).toMatch(/đã khóa nhận hồ sơ/);
    expect((await api.request('DELETE', `${files}/${stored.body.id}`, { token: clerk })).body.code).toBe('SUBMISSIONS_CLOSED');
    expect((await api.request('GET', files, { token: await token(HR) })).status).toBe(200);
    expect((await upload(HR, 'TO_TRINH', 'pdf', 'application/pdf')).status).toBe(200);
  });
});
