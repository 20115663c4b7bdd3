import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredCampaign } from '#shared/api/campaign';
import type { Campaign } from '#shared/campaign';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { updateCampaign, useTestApi } from '#tests/support/api';
import { ADMIN, HR, row, SECRETARY, staffOf, unitClerk, VIEWER } from '#tests/support/rows';
import { moveCampaignTo } from '#tests/support/stage';

/** Issue 10, item 5: a campaign's life over the real handlers and DynamoDB Local. */
const api = useTestApi();
const tokens: Record<'admin' | 'hr' | 'secretary' | 'viewer' | 'unit', string> = {} as never;
const clerkUnit = 'kinh-te';
let made = 0;

beforeAll(async () => {
  const emails = { admin: ADMIN, hr: HR, secretary: SECRETARY, viewer: VIEWER, unit: unitClerk(clerkUnit) };
  for (const [role, email] of Object.entries(emails)) tokens[role as keyof typeof tokens] = await api.tokenFor(email);
});

async function newCampaign(change: Partial<Campaign> = {}): Promise<StoredCampaign> {
  const id = `vong-doi-${made++}`;
  const created = await api.request<StoredCampaign>('POST', '/campaigns', {
    token: tokens.admin,
    body: { ...SEED_CAMPAIGN, ...change, id },
  });
  expect(created.status, created.text).toBe(201);
  return created.body;
}
const move = (campaign: Pick<StoredCampaign, 'id' | 'version'>, to: string, token = tokens.hr, reason?: string) =>
  api.request('POST', `/campaigns/${campaign.id}/stage`, { token, body: { to, version: campaign.version, ...(reason ? { reason } : {}) } });
const audit = async (id: string) =>
  (await api.request('GET', `/campaigns/${id}/audit?limit=100`, { token: tokens.admin })).body.entries as {
    action: string;
    actor: string;
    changes: Record<string, { from?: unknown; to?: unknown }>;
  }[];
const clerkSave = (id: string, receivedDate = '2025-09-25') =>
  api.request('POST', `/campaigns/${id}/nominations/batch`, {
    token: tokens.unit,
    body: { rows: [row(staffOf(clerkUnit)[0]!, { status: 'submitted', receivedDate })] },
  });

describe('the stages', () => {
  it('a new campaign starts in draft; each move is recorded in the audit log with who, from, to and why', async () => {
    const campaign = await newCampaign();
    expect(campaign.stage).toBe('draft');
    const opened = await move(campaign, 'open');
    expect(opened.status, opened.text).toBe(200);
    expect(opened.body).toMatchObject({ stage: 'open', version: campaign.version + 1 });
    const closed = await move(opened.body, 'closed', tokens.admin);
    const reason = 'Gia hạn nhận hồ sơ đến 15/10/2025 theo Công văn số 12/UBND';
    const reopened = await move(closed.body, 'open', tokens.hr, reason);
    expect(reopened.body.stage).toBe('open');
    expect((await api.request('GET', `/campaigns/${campaign.id}`, { token: tokens.viewer })).body).toEqual(reopened.body);
    const listed = await api.request('GET', '/campaigns?limit=100', { token: tokens.unit });
    expect(listed.body.items.find((c: { id: string }) => c.id === campaign.id)).toMatchObject({ stage: 'open' });
    const moves = (await audit(campaign.id)).filter((e) => e.action === 'campaign.stage');
    expect(moves.map((e) => [e.actor, e.changes.stage])).toEqual([
      [HR, { from: 'closed', to: 'open' }],
      [ADMIN, { from: 'open', to: 'closed' }],
      [HR, { from: 'draft', to: 'open' }],
    ]);
    expect(moves[0]!.changes.reason).toEqual({ to: reason });
  });

  it('refuses a stale version with 409 CAMPAIGN_STAGE_CONFLICT, writing nothing', async () => {
    const campaign = await newCampaign();
    expect((await move(campaign, 'open')).status).toBe(200);
    const before = await audit(campaign.id);
    const stale = await move(campaign, 'open');
    expect([stale.status, stale.body.code]).toEqual([409, 'CAMPAIGN_STAGE_CONFLICT']);
    expect(stale.body.message.vi).toContain('tải lại');
    // A PUT of the plan holding the version from before the move is stale too: the stage and the plan share it.
    const { version: _v, updatedAt: _u, stage: _s, ...plan } = campaign;
    const put = await api.request('PUT', `/campaigns/${campaign.id}`, {
      token: tokens.admin,
      body: { campaign: plan, version: campaign.version },
    });
    expect([put.status, put.body.code]).toEqual([409, 'VERSION_CONFLICT']);
    expect(await audit(campaign.id)).toEqual(before);
  });

  it('refuses a move per role, a skipped stage and a step back without a reason, each with its code in vi and en', async () => {
    const campaign = await newCampaign();
    for (const role of ['unit', 'secretary', 'viewer'] as const) {
      const refused = await move(campaign, 'open', tokens[role]);
      expect([refused.status, refused.body.code], role).toEqual([403, 'FORBIDDEN']);
    }
    const skipped = await move(campaign, 'closed');
    expect([skipped.status, skipped.body.code]).toEqual([409, 'STAGE_MOVE_NOT_ALLOWED']);
    expect(skipped.body.message.vi).toBe('Không chuyển được Đợt thi đua từ giai đoạn "Dự thảo" sang "Đã khóa nhận hồ sơ"');
    const closed = await moveCampaignTo(api, 'closed', campaign.id);
    const back = await move(closed, 'open');
    expect([back.status, back.body.code]).toEqual([422, 'STAGE_REASON_MISSING']);
    expect(back.body.message.en).toContain('needs a reason');
    expect((await api.request('GET', `/campaigns/${campaign.id}`, { token: tokens.hr })).body.stage).toBe('closed');
  });

  it('a stage move into the stage body of a PUT or POST is ignored: only POST …/stage moves it', async () => {
    const campaign = await newCampaign({ title: 'Đợt thi đua thử' });
    const { version, updatedAt: _u, ...plan } = { ...campaign, stage: 'archived' };
    const put = await api.request('PUT', `/campaigns/${campaign.id}`, { token: tokens.admin, body: { campaign: plan, version } });
    expect(put.status, put.text).toBe(200);
    expect(put.body.stage).toBe('draft');
  });
});

describe('what each stage allows', () => {
  it('a draft takes no nomination, saying so and whom to ask', async () => {
    const campaign = await newCampaign();
    const refused = await clerkSave(campaign.id);
    expect([refused.status, refused.body.code]).toEqual([409, 'CAMPAIGN_NOT_OPEN']);
    expect(refused.body.message.vi).toContain('Phòng Hành chính tổ chức - Quản trị tài vụ');
  });

  it('closed: a late dossier is flagged by default (as before the stages), refused when the campaign says so', async () => {
    const flagging = await newCampaign();
    await moveCampaignTo(api, 'closed', flagging.id);
    const late = await clerkSave(flagging.id, '2025-10-03');
    expect(late.status, late.text).toBe(200);
    expect(late.body.rows[0].outcome).toBe('saved');
    expect(late.body.rows[0].issues.map((i: { code: string }) => i.code)).toContain('LATE_SUBMISSION');

    const refusing = await newCampaign({ lateSubmissions: 'refuse' });
    await moveCampaignTo(api, 'closed', refusing.id);
    const refused = await clerkSave(refusing.id, '2025-10-03');
    expect([refused.status, refused.body.code]).toEqual([409, 'SUBMISSIONS_CLOSED']);
    expect(refused.body.message.vi).toBe(
      'Đợt thi đua đã khóa nhận hồ sơ (hạn nộp 30/09/2025, hiện ở giai đoạn "Đã khóa nhận hồ sơ"); đề nghị liên hệ Phòng Hành chính tổ chức - Quản trị tài vụ để mở lại',
    );
    // HR still consolidates the campaign's dossiers.
    const byHr = await api.request('POST', `/campaigns/${refusing.id}/nominations/batch`, {
      token: tokens.hr,
      body: { rows: [row(staffOf(clerkUnit)[1]!, { status: 'eligible' })] },
    });
    expect(byHr.body.rows[0].outcome).toBe('saved');
  });

  it('the council votes and documents are generated only under review', async () => {
    const campaign = await newCampaign();
    await moveCampaignTo(api, 'open', campaign.id);
    const round = await api.request('POST', `/campaigns/${campaign.id}/rounds`, {
      token: tokens.secretary,
      body: { attendance: { present: 9, writtenVotes: 0 } },
    });
    expect([round.status, round.body.code]).toEqual([409, 'STAGE_FORBIDS']);
    expect(round.body.message.vi).toContain('"Đang nhận hồ sơ" không được bỏ phiếu của Hội đồng');
    const document = await api.request('POST', `/campaigns/${campaign.id}/documents/to-trinh-hoi-dong`, { token: tokens.hr, body: {} });
    expect([document.status, document.body.code]).toEqual([409, 'STAGE_FORBIDS']);
    // Reading the rounds stays open in every stage.
    expect((await api.request('GET', `/campaigns/${campaign.id}/rounds`, { token: tokens.hr })).status).toBe(200);
  });

  it('archived is read-only for everyone: saves, deletes, restores, rounds, recorded documents and the plan', async () => {
    const campaign = await newCampaign();
    await moveCampaignTo(api, 'open', campaign.id);
    const saved = await clerkSave(campaign.id);
    const nominationId = saved.body.rows[0].id as string;
    const archived = await moveCampaignTo(api, 'archived', campaign.id);
    const path = `/campaigns/${campaign.id}`;
    const attempts = [
      await clerkSave(campaign.id),
      await api.request('POST', `${path}/nominations/batch`, { token: tokens.admin, body: { rows: [row(staffOf(clerkUnit)[2]!)] } }),
      await api.request('DELETE', `${path}/nominations/${nominationId}?version=1`, { token: tokens.hr }),
      await api.request('POST', `${path}/nominations/${nominationId}/restore?version=1`, { token: tokens.hr }),
      await api.request('POST', `${path}/rounds`, { token: tokens.admin, body: { attendance: { present: 9, writtenVotes: 0 } } }),
      await api.request('POST', `${path}/documents/quyet-dinh`, { token: tokens.admin, body: {} }),
      await api.request('POST', `${path}/documents/quyet-dinh/issue`, { token: tokens.admin, body: { version: 1 } }),
      await move(archived, 'decided', tokens.admin, 'Nhầm'),
    ];
    for (const answer of attempts) expect([answer.status, answer.body.code], answer.text).toEqual([409, 'CAMPAIGN_ARCHIVED']);
    await expect(updateCampaign(api, { title: 'Sửa sau khi lưu trữ' }, campaign.id)).rejects.toThrow(/409.*CAMPAIGN_ARCHIVED/);
    const now = await api.request('GET', path, { token: tokens.viewer });
    expect(now.body).toMatchObject({ stage: 'archived', version: archived.version, title: SEED_CAMPAIGN.title });
  });
});
