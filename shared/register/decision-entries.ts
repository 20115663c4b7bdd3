import type { AwardForm, Campaign } from '#shared/campaign';
import type { IsoDate } from '#shared/dates';
import type { Nomination } from '#shared/nomination';
import type { Person, Unit } from '#shared/org';
import { MAX_REGISTER_ACHIEVEMENTS, registerEntryId, type RegisterEntry, type RegisterSource } from './entry';

/** A decision as signed: its number, date and signer, and whether the office issued it or it was entered by hand. */
export interface DecisionFacts {
  number: string;
  date: IsoDate;
  signer?: string;
  source: Extract<RegisterSource, 'issued' | 'entered'>;
}

export interface Recorder {
  email: string;
  at: string;
}

/**
 * One register entry per awardee of a decision: the nominee's name and unit as the registry names them
 * today (a name the registry does not know, as typed), the campaign's form, title and period, and the
 * nomination's achievements (the register keeps their first 1,000 characters).
 */
export function decisionEntries(
  campaign: Pick<Campaign, 'id' | 'title' | 'period' | 'awardForms'>,
  registry: { units: ReadonlyMap<string, Unit>; people: ReadonlyMap<string, Person> },
  nominations: readonly Nomination[],
  decision: DecisionFacts,
  by: Recorder,
): RegisterEntry[] {
  return nominations.map((nomination) => {
    const form: AwardForm | undefined = campaign.awardForms.find((f) => f.code === nomination.awardForm);
    const nominee = nomineeAsRecorded(registry, nomination);
    const entry: Omit<RegisterEntry, 'id'> = {
      nomineeKind: nomination.nomineeKind,
      ...nominee,
      awardForm: nomination.awardForm,
      awardFormName: form?.name.vi ?? nomination.awardForm,
      campaignId: campaign.id,
      campaignTitle: campaign.title,
      nominationId: nomination.id,
      decisionNumber: decision.number,
      decisionDate: decision.date,
      ...(decision.signer ? { signer: decision.signer } : {}),
      year: Number(decision.date.slice(0, 4)),
      ...(nomination.achievements ? { achievements: nomination.achievements.slice(0, MAX_REGISTER_ACHIEVEMENTS) } : {}),
      period: { start: campaign.period.start, end: campaign.period.end },
      source: decision.source,
      recordedAt: by.at,
      recordedBy: by.email,
    };
    return { id: registerEntryId(entry), ...entry };
  });
}

type Nominee = Pick<RegisterEntry, 'name' | 'unitName' | 'personId' | 'unitId' | 'birthDate'>;

function nomineeAsRecorded(
  registry: { units: ReadonlyMap<string, Unit>; people: ReadonlyMap<string, Person> },
  nomination: Pick<Nomination, 'nomineeKind' | 'nomineeId' | 'unitId'>,
): Nominee {
  if (nomination.nomineeKind === 'collective') {
    const unit = registry.units.get(nomination.nomineeId);
    const name = unit?.name ?? nomination.nomineeId;
    return { name, unitName: name, ...(unit ? { unitId: unit.id } : {}) };
  }
  const person = registry.people.get(nomination.nomineeId);
  const unitId = person?.unitId ?? nomination.unitId;
  const unit = registry.units.get(unitId);
  return {
    name: person?.fullName ?? nomination.nomineeId,
    unitName: unit?.name ?? unitId,
    ...(person ? { personId: person.id } : {}),
    ...(unit ? { unitId: unit.id } : {}),
    ...(person?.birthDate ? { birthDate: person.birthDate } : {}),
  };
}
