import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '#tests/support/api';
import { ADMIN, BATCH, CAMPAIGN_ID, HR, row, staffOf } from '#tests/support/rows';

/**
 * Issue 8, item 7: Vietnamese typed decomposed (some input methods, text copied from PDFs) is stored
 * precomposed (NFC), and a name is one person whatever its Unicode form, case or spacing.
 */
const api = useTestApi();
let hr: string;
beforeAll(async () => (hr = await api.tokenFor(HR)));

const NAME = 'Nguyễn Thị Hoà';
const NFD = NAME.normalize('NFD');
const ACHIEVEMENTS = 'Hoàn thành xuất sắc nhiệm vụ, đề xuất sáng kiến cải cách thủ tục hành chính.';

describe('Vietnamese text at the API door', () => {
  it('the test names really differ in their code points', () => {
    expect(NFD).not.toBe(NAME);
    expect(NFD.length).toBeGreaterThan(NAME.length);
  });

  it('stores a body typed in decomposed Unicode as NFC, and finds the same unregistered name typed otherwise a duplicate', async () => {
    const unitId = staffOf('kinh-te')[0]!.unitId;
    const first = await api.request('POST', BATCH, {
      token: hr,
      body: {
        rows: [
          {
            // A name not in the registry is an error: the row stays a draft (a submission would be refused).
            ...row(staffOf('kinh-te')[0]!.id, {
              status: 'draft',
              nomineeId: NFD,
              achievements: ACHIEVEMENTS.normalize('NFD'),
              note: 'Ghi chú'.normalize('NFD'),
            }),
            rowKey: 'r1',
          },
        ],
      },
    });
    expect(first.status).toBe(200);
    expect(first.body.rows[0]).toMatchObject({ outcome: 'saved' });
    expect(first.body.rows[0].issues.map((i: { code: string }) => i.code)).not.toContain('DUPLICATE_NOMINEE');

    const list = await api.request('GET', `/campaigns/${CAMPAIGN_ID}/nominations?unitId=${unitId}`, { token: hr });
    const stored = list.body.items.find((n: { id: string }) => n.id === first.body.rows[0].id);
    expect(stored).toMatchObject({ nomineeId: NAME, achievements: ACHIEVEMENTS, note: 'Ghi chú' });

    // The same person, typed precomposed, in capitals and with doubled spaces: rule 8 sees one person.
    const second = await api.request('POST', BATCH, {
      token: hr,
      body: {
        rows: [
          {
            ...row(staffOf('kinh-te')[0]!.id, { status: 'draft', nomineeId: '  NGUYỄN  THỊ HOÀ ', awardForm: 'BANG_KHEN_CT_UBND' }),
            rowKey: 'r2',
          },
        ],
      },
    });
    expect(second.body.rows[0].issues).toContainEqual(
      expect.objectContaining({ code: 'DUPLICATE_NOMINEE', params: expect.objectContaining({ count: 2 }) }),
    );
    const report = await api.request('GET', `/campaigns/${CAMPAIGN_ID}/validation`, { token: hr });
    const duplicates = report.body.issues.filter((i: { code: string }) => i.code === 'DUPLICATE_NOMINEE');
    expect(duplicates.map((i: { nominationId: string }) => i.nominationId).sort()).toEqual(
      [first.body.rows[0].id, second.body.rows[0].id].sort(),
    );
  });

  it('stores a campaign edited with decomposed text as NFC', async () => {
    const current = await api.request('GET', `/campaigns/${CAMPAIGN_ID}`, { token: hr });
    const admin = await api.tokenFor(ADMIN);
    const theme = 'Thi đua lập thành tích chào mừng Đại hội Đảng bộ';
    const { version: _version, updatedAt: _at, ...campaign } = current.body;
    const saved = await api.request('PUT', `/campaigns/${CAMPAIGN_ID}`, {
      token: admin,
      body: { campaign: { ...campaign, theme: theme.normalize('NFD') }, version: current.body.version },
    });
    expect(saved.status).toBe(200);
    const again = await api.request('GET', `/campaigns/${CAMPAIGN_ID}`, { token: hr });
    expect(again.body.theme).toBe(theme);
  });
});
