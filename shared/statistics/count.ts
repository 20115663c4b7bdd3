import type { CampaignStatistics, Gender, Tally } from '#shared/api/statistics';
import type { QuotaUsage } from '#shared/api/quota';
import type { Campaign, NomineeKind } from '#shared/campaign';
import type { NominationFields } from '#shared/nomination';
import type { Person, Unit } from '#shared/org';
import { NominationStatus } from '#shared/status';
import { compareVietnamese } from '#shared/text';

/** What the counting reads of a nomination: who proposes whom, for which form, and how far it got. */
export type CountedNomination = Pick<NominationFields, 'unitId' | 'nomineeKind' | 'nomineeId' | 'awardForm' | 'status'>;

export interface StatisticsInput {
  campaign: Pick<Campaign, 'id' | 'title' | 'period' | 'awardForms'>;
  /** The live nominations counted (deleted ones left out by the caller, as the report does). */
  nominations: readonly CountedNomination[];
  /** The registry's entries the nominations name (registryIdsOf): others are named as typed. */
  units: readonly Pick<Unit, 'id' | 'name'>[];
  people: readonly Pick<Person, 'id' | 'gender'>[];
  quotaUsage: readonly QuotaUsage[];
  /** The one unit the figures are limited to (a unit clerk's), if any. */
  unitId?: string | undefined;
}

/** Awards today are the nominations an issued or recorded decision moved to awarded. */
export const isAward = (nomination: Pick<NominationFields, 'status'>): boolean => nomination.status === 'awarded';

const GENDERS: readonly Gender[] = ['female', 'male', 'unknown'];
const KINDS: readonly NomineeKind[] = ['collective', 'individual'];

/**
 * The registry's ids the figures need, so that the store reads those and no more: the nominating units
 * (for their names) and the individuals nominated (for their gender).
 */
export function registryIdsOf(nominations: readonly CountedNomination[]): { unitIds: string[]; personIds: string[] } {
  const unitIds = new Set(nominations.map((n) => n.unitId));
  const personIds = new Set(nominations.filter((n) => n.nomineeKind === 'individual').map((n) => n.nomineeId));
  return { unitIds: [...unitIds], personIds: [...personIds] };
}

function tallyOf(nominations: readonly CountedNomination[]): Tally {
  return { nominations: nominations.length, awards: nominations.filter(isAward).length };
}

function groupBy<K extends string>(items: readonly CountedNomination[], keyOf: (n: CountedNomination) => K): Map<K, CountedNomination[]> {
  const groups = new Map<K, CountedNomination[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/**
 * The campaign's figures: per nominating unit (sorted by name, Vietnamese order), per award form (the
 * plan's order, then any form no longer in the plan), per status (the flow's order), per gender of the
 * individuals and per nominee kind, each with its awards; the quota usage as the counters hold it.
 */
export function campaignStatistics(input: StatisticsInput): CampaignStatistics {
  const nominations = input.unitId ? input.nominations.filter((n) => n.unitId === input.unitId) : input.nominations;
  const unitNames = new Map(input.units.map((unit) => [unit.id, unit.name]));
  const genders = new Map(input.people.map((person) => [person.id, person.gender]));
  const genderOf = (n: CountedNomination): Gender => genders.get(n.nomineeId) ?? 'unknown';
  const individuals = nominations.filter((n) => n.nomineeKind === 'individual');

  const byUnit = [...groupBy(nominations, (n) => n.unitId)]
    .map(([unitId, group]) => ({ unitId, name: unitNames.get(unitId) ?? unitId, ...tallyOf(group) }))
    .sort((a, b) => compareVietnamese(a.name, b.name) || compareVietnamese(a.unitId, b.unitId));

  const forms = groupBy(nominations, (n) => n.awardForm);
  const formCodes = [...input.campaign.awardForms.map((form) => form.code), ...[...forms.keys()].sort()];
  const byAwardForm = [...new Set(formCodes)].map((code) => {
    const form = input.campaign.awardForms.find((f) => f.code === code);
    return { awardForm: code, name: form?.name ?? { vi: code, en: code }, ...tallyOf(forms.get(code) ?? []) };
  });

  const statuses = groupBy(nominations, (n) => n.status);
  const byGender = GENDERS.map((gender) => ({ gender, ...tallyOf(individuals.filter((n) => genderOf(n) === gender)) }));
  const kinds = groupBy(nominations, (n) => n.nomineeKind);

  const byFormAndKind = byAwardForm.flatMap(({ awardForm }) =>
    KINDS.map((nomineeKind) => {
      const group = (forms.get(awardForm) ?? []).filter((n) => n.nomineeKind === nomineeKind);
      const awarded = group.filter((n) => nomineeKind === 'individual' && isAward(n));
      return {
        awardForm,
        nomineeKind,
        ...tallyOf(group),
        awardedFemale: awarded.filter((n) => genderOf(n) === 'female').length,
        awardedUnknownGender: awarded.filter((n) => genderOf(n) === 'unknown').length,
      };
    }),
  );

  return {
    campaignId: input.campaign.id,
    title: input.campaign.title,
    period: input.campaign.period,
    ...(input.unitId ? { unitId: input.unitId } : {}),
    totals: tallyOf(nominations),
    byUnit,
    byAwardForm,
    byStatus: NominationStatus.options.map((status) => ({ status, count: statuses.get(status)?.length ?? 0 })),
    byGender,
    byNomineeKind: KINDS.map((nomineeKind) => ({ nomineeKind, ...tallyOf(kinds.get(nomineeKind) ?? []) })),
    byFormAndKind,
    quotaUsage: [...input.quotaUsage],
  };
}
