/**
 * A campaign's and a year's statistics as the server answers them, counted by the shared counting over
 * the test kit's nominations (tests/support/nomination.ts): two units, both kinds, an award, a woman and
 * a nominee the registry does not know. For the add-in's tests and the stand-in host's page.
 */
import type { CampaignStatistics, YearlyStatistics } from '#shared/api/statistics';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';
import { campaignStatistics } from '#shared/statistics/count';
import { yearlyStatistics } from '#shared/statistics/yearly';
import { nominateCollective, nominateIndividual, staffOf } from '#tests/support/nomination';

export function demoStatistics(): CampaignStatistics {
  const [a, b] = staffOf('kinh-te');
  const [c] = staffOf('tong-hop');
  const nominations = [
    nominateIndividual(a!, { status: 'awarded' }),
    nominateIndividual(b!, { status: 'not_selected' }),
    nominateIndividual(c!, { status: 'submitted', awardForm: 'BANG_KHEN_CT_UBND' }),
    nominateIndividual(c!, { nomineeId: 'Người Ngoài Danh Sách', status: 'draft' }),
    nominateCollective('tong-hop', { status: 'awarded' }),
  ];
  const quotaUsage = SEED_CAMPAIGN.quotaRules.map((rule) => ({
    ruleId: rule.id,
    awardForm: rule.awardForm,
    scope: rule.scope,
    scopeKey: '*',
    max: rule.max,
    used: rule.awardForm === 'GIAY_KHEN_CVP' ? 1 : 0,
    candidates: 2,
  }));
  return campaignStatistics({ campaign: SEED_CAMPAIGN, nominations, units: DEMO_UNITS, people: DEMO_PEOPLE, quotaUsage });
}

export function demoYearlyStatistics(): YearlyStatistics {
  return yearlyStatistics(2025, [{ campaign: SEED_CAMPAIGN, statistics: demoStatistics() }]);
}
