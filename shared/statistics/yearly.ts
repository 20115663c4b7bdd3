import type { CampaignStatistics, YearlyForm, YearlyStatistics } from '#shared/api/statistics';
import type { Campaign } from '#shared/campaign';

/** The campaigns a year's summary counts: those whose period ends in that year (a campaign is reported once). */
export function countsInYear(campaign: Pick<Campaign, 'period'>, year: number): boolean {
  return Number(campaign.period.end.slice(0, 4)) === year;
}

type Counted = { campaign: Pick<Campaign, 'id' | 'title' | 'period' | 'awardForms' | 'movements'>; statistics: CampaignStatistics };

/**
 * The year's figures: each award form's (by its code, across campaigns; its name and grantor from the
 * latest campaign that has it) per nominee kind, and the movements the campaigns launched.
 */
export function yearlyStatistics(year: number, counted: readonly Counted[]): YearlyStatistics {
  const ordered = [...counted].sort((a, b) => a.campaign.period.end.localeCompare(b.campaign.period.end));
  const forms = new Map<string, YearlyForm>();
  for (const { campaign, statistics } of ordered) {
    for (const form of campaign.awardForms) {
      const known = forms.get(form.code);
      forms.set(form.code, {
        awardForm: form.code,
        name: form.name,
        grantedBy: form.grantedBy,
        decidedBy: form.decidedBy,
        collective: known?.collective ?? { nominations: 0, awards: 0 },
        individual: known?.individual ?? { nominations: 0, awards: 0, awardedFemale: 0, awardedUnknownGender: 0 },
      });
    }
    for (const row of statistics.byFormAndKind) {
      const form = forms.get(row.awardForm);
      if (!form) continue; // a form no longer in the plan has no name or grantor to report it under
      if (row.nomineeKind === 'collective') {
        form.collective = { nominations: form.collective.nominations + row.nominations, awards: form.collective.awards + row.awards };
      } else {
        form.individual = {
          nominations: form.individual.nominations + row.nominations,
          awards: form.individual.awards + row.awards,
          awardedFemale: form.individual.awardedFemale + row.awardedFemale,
          awardedUnknownGender: form.individual.awardedUnknownGender + row.awardedUnknownGender,
        };
      }
    }
  }
  return {
    year,
    campaigns: ordered.map(({ campaign }) => ({ id: campaign.id, title: campaign.title, period: campaign.period })),
    movements: ordered.reduce((sum, { campaign }) => sum + campaign.movements.length, 0),
    forms: [...forms.values()],
  };
}
