import { z } from 'zod';
import { Campaign, CampaignId } from '#shared/campaign';
import { Localized } from '#shared/localized';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { ANNUAL_TITLES } from './annual-titles';

/**
 * Where a new campaign starts: a template kept here, or an earlier campaign. Either way the admin names
 * it (id, title) and the period and deadline are the admin's to set in the "Kế hoạch" sheet: a new
 * campaign gets the current calendar year as a placeholder (a draft's dates, never the source's), and
 * nothing of the source's nominations, rounds or documents (they live under its own id).
 */
export const TemplateKey = z.enum(['special', 'annual']);
export type TemplateKey = z.infer<typeof TemplateKey>;

export const CampaignTemplate = z.object({ key: TemplateKey, name: Localized, description: Localized, campaign: Campaign });
export type CampaignTemplate = z.infer<typeof CampaignTemplate>;

export const CAMPAIGN_TEMPLATES: readonly CampaignTemplate[] = [
  {
    key: 'special',
    name: { vi: 'Đợt thi đua đặc biệt (theo Kế hoạch năm 2025)', en: 'Special campaign (as the 2025 plan)' },
    description: {
      vi: 'Hai hình thức (Bằng khen, Giấy khen), chỉ tiêu, hồ sơ, tiêu chuẩn, phong trào và Hội đồng như Kế hoạch năm 2025',
      en: "Two forms (Bằng khen, Giấy khen), quotas, dossier, criteria, movements and council as the 2025 plan's",
    },
    campaign: SEED_CAMPAIGN,
  },
  {
    key: 'annual',
    name: { vi: 'Danh hiệu thi đua hằng năm', en: 'Annual emulation titles' },
    description: {
      vi: 'Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động tiên tiến, Tập thể lao động xuất sắc, Giấy khen, Bằng khen; tiêu chuẩn và chỉ tiêu do cơ quan điền',
      en: 'Advanced Worker, Grassroots Emulation Fighter, the two collective titles, Giấy khen, Bằng khen; criteria and quotas for the office to fill',
    },
    campaign: ANNUAL_TITLES,
  },
];

/** What the admin gives a new campaign. */
export const NewCampaignNames = z.strictObject({ id: CampaignId, title: Campaign.shape.title });
export type NewCampaignNames = z.infer<typeof NewCampaignNames>;

/** The placeholder period of a new campaign: the calendar year of `today` (yyyy-MM-dd), the deadline its last day. */
function placeholderDates(today: string): Pick<Campaign, 'period' | 'submissionDeadline'> {
  const year = today.slice(0, 4);
  return { period: { start: `${year}-01-01`, end: `${year}-12-31` }, submissionDeadline: `${year}-12-31` };
}

/** A new campaign from an earlier one (or a template's): its plan, under a new id and title, with dates to set. */
export function deriveCampaign(source: Campaign, names: NewCampaignNames, today: string): Campaign {
  // The plan's own number and date are the new plan's to give; the server's fields (version, stage) are not copied.
  const { documentNumber: _number, documentDate: _date, ...plan } = Campaign.parse(stripServerFields(source));
  return Campaign.parse({ ...plan, id: names.id, title: names.title, ...placeholderDates(today) });
}

export function fromTemplate(key: TemplateKey, names: NewCampaignNames, today: string): Campaign {
  return deriveCampaign(CAMPAIGN_TEMPLATES.find((template) => template.key === key)!.campaign, names, today);
}

function stripServerFields(source: Campaign & { version?: unknown; updatedAt?: unknown; stage?: unknown }): Campaign {
  // The stage too: a copy starts in draft like any new campaign.
  const { version: _version, updatedAt: _updatedAt, stage: _stage, ...campaign } = source;
  return campaign;
}
