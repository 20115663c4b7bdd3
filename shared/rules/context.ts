import type { Campaign } from '#shared/campaign';
import type { Person, Unit } from '#shared/org';

/** What the rules read besides the nominations: the campaign's configuration and the office's registry. */
export interface RuleContext {
  campaign: Campaign;
  units: ReadonlyMap<string, Unit>;
  people: ReadonlyMap<string, Person>;
}

export function makeRuleContext(campaign: Campaign, units: readonly Unit[], people: readonly Person[]): RuleContext {
  return {
    campaign,
    units: new Map(units.map((unit) => [unit.id, unit])),
    people: new Map(people.map((person) => [person.id, person])),
  };
}

/** The nominee's display name, or its id when it is not in the registry. */
export function nomineeName(ctx: RuleContext, kind: 'collective' | 'individual', id: string): string {
  return (kind === 'collective' ? ctx.units.get(id)?.name : ctx.people.get(id)?.fullName) ?? id;
}
