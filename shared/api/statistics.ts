import { z } from 'zod';
import { NomineeKind } from '#shared/campaign';
import { Localized } from '#shared/localized';
import { NominationStatus } from '#shared/status';
import { QuotaUsage } from './quota';

/** How many nominations a group holds, and how many of them were awarded (status awarded). */
export const Tally = z.object({ nominations: z.int().min(0), awards: z.int().min(0) });
export type Tally = z.infer<typeof Tally>;

export const Gender = z.enum(['female', 'male', 'unknown']);
export type Gender = z.infer<typeof Gender>;

/** A nominating unit's figures, named as the registry names it (as typed when the registry does not know it). */
export const UnitTally = Tally.extend({ unitId: z.string(), name: z.string() });
export const FormTally = Tally.extend({ awardForm: z.string(), name: Localized });

/**
 * GET /campaigns/{id}/statistics: the campaign at a glance. Gender counts individuals only (from the
 * Cán bộ registry; a nominee the registry does not know, or whose gender it does not hold, is
 * `unknown`). `unitId` is set when the figures are limited to one unit (a unit clerk's); the quota
 * usage is the campaign's, as the validation report shows it to everyone.
 */
export const CampaignStatistics = z.object({
  campaignId: z.string(),
  title: z.string(),
  period: z.object({ start: z.string(), end: z.string() }),
  unitId: z.string().optional(),
  totals: Tally,
  byUnit: z.array(UnitTally),
  byAwardForm: z.array(FormTally),
  byStatus: z.array(z.object({ status: NominationStatus, count: z.int().min(0) })),
  byGender: z.array(Tally.extend({ gender: Gender })),
  byNomineeKind: z.array(Tally.extend({ nomineeKind: NomineeKind })),
  /** Per award form and nominee kind, with the awarded individuals by gender: what the yearly forms count. */
  byFormAndKind: z.array(
    Tally.extend({ awardForm: z.string(), nomineeKind: NomineeKind, awardedFemale: z.int().min(0), awardedUnknownGender: z.int().min(0) }),
  ),
  quotaUsage: z.array(QuotaUsage),
});
export type CampaignStatistics = z.infer<typeof CampaignStatistics>;

export const YearlyStatisticsQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

/** One award form over the year's campaigns: what it is, who grants it, and its figures per nominee kind. */
export const YearlyForm = z.object({
  awardForm: z.string(),
  name: Localized,
  grantedBy: z.string(),
  decidedBy: z.enum(['office', 'province']),
  collective: Tally,
  individual: Tally.extend({ awardedFemale: z.int().min(0), awardedUnknownGender: z.int().min(0) }),
});
export type YearlyForm = z.infer<typeof YearlyForm>;

/**
 * GET /statistics/yearly?year=: the campaigns whose period ends in the year and their award forms'
 * figures summed (a form's code names it across campaigns), for the yearly statistics forms.
 */
export const YearlyStatistics = z.object({
  year: z.int(),
  campaigns: z.array(z.object({ id: z.string(), title: z.string(), period: z.object({ start: z.string(), end: z.string() }) })),
  movements: z.int().min(0),
  forms: z.array(YearlyForm),
});
export type YearlyStatistics = z.infer<typeof YearlyStatistics>;
