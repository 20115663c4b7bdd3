import { describe, expect, it } from 'vitest';
import { Campaign } from '#shared/campaign';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { CAMPAIGN_TEMPLATES, deriveCampaign, fromTemplate } from '#shared/templates/index';

const names = { id: 'thi-dua-2026', title: 'Đợt thi đua năm 2026' };

describe('campaign templates', () => {
  it('are valid campaigns: the special one is the seed, the annual one the six yearly forms', () => {
    for (const template of CAMPAIGN_TEMPLATES) expect(Campaign.safeParse(template.campaign).success).toBe(true);
    expect(CAMPAIGN_TEMPLATES.find((t) => t.key === 'special')!.campaign).toBe(SEED_CAMPAIGN);
    const annual = CAMPAIGN_TEMPLATES.find((t) => t.key === 'annual')!.campaign;
    expect(annual.awardForms.map((form) => form.name.vi)).toEqual([
      'Lao động tiên tiến',
      'Chiến sĩ thi đua cơ sở',
      'Tập thể lao động tiên tiến',
      'Tập thể lao động xuất sắc',
      'Giấy khen của Chánh Văn phòng',
      'Bằng khen của Chủ tịch UBND tỉnh',
    ]);
    // Criteria for the office to write, quotas for it to fill (no place until it does), no council members yet.
    expect(annual.criteria).toEqual([]);
    expect(annual.quotaRules.map((rule) => [rule.awardForm, rule.max])).toEqual(annual.awardForms.map((form) => [form.code, 0]));
    expect(annual.council.members).toEqual([]);
  });

  it('derive a new campaign: the names given, the current year as placeholder dates, no plan number', () => {
    for (const template of CAMPAIGN_TEMPLATES) {
      const campaign = fromTemplate(template.key, names, '2026-03-15');
      expect(campaign).toMatchObject({ ...names, period: { start: '2026-01-01', end: '2026-12-31' }, submissionDeadline: '2026-12-31' });
      expect(campaign.documentNumber).toBeUndefined();
      expect(campaign.awardForms).toEqual(template.campaign.awardForms);
    }
  });

  it('copy an earlier campaign: its plan under a new id and title, without its dates, number or server fields', () => {
    const earlier = { ...SEED_CAMPAIGN, documentDate: '2024-10-05', version: 7, updatedAt: '2025-01-01T00:00:00Z' };
    const copy = deriveCampaign(earlier, names, '2026-01-02');
    expect(copy).toEqual({
      ...SEED_CAMPAIGN,
      ...names,
      documentNumber: undefined,
      period: { start: '2026-01-01', end: '2026-12-31' },
      submissionDeadline: '2026-12-31',
    });
    expect(copy).not.toHaveProperty('version');
    expect(copy).not.toHaveProperty('documentDate');
  });
});
