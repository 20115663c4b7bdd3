import type { Campaign } from '#shared/campaign';
import type { Nomination } from '#shared/nomination';
import type { Person, Unit } from '#shared/org';
import type { RoundRefusal } from './refusal';
import type { Candidate, RoundForm } from './round';
import type { CreateRoundRequest, VotingRound } from './voting-round';
import { countsTowards, type QuotaUsage } from '#shared/rules/quota';

/** Who may stand in a round: a live nomination HR found eligible (and the council has not yet decided on). */
export function standsForRound(nomination: Pick<Nomination, 'status' | 'deletedAt' | 'councilLock'> | undefined): boolean {
  // A nomination a round's confirmation is writing is that round's: no other round takes it meanwhile.
  return !!nomination && !nomination.deletedAt && !nomination.councilLock && nomination.status === 'eligible';
}

/** Whether a new round takes candidates of this award form (all forms, when none are asked for). */
export function wantedForm(request: Pick<CreateRoundRequest, 'awardForms'>, awardForm: string): boolean {
  return !request.awardForms || request.awardForms.includes(awardForm);
}

/**
 * A further round decides the ties of a confirmed round: the tied nominations (of the forms asked
 * for) stand again, each form for the places its tie left.
 */
export function tiesToDecide(
  source: Pick<VotingRound, 'id' | 'status' | 'result'>,
  request: Pick<CreateRoundRequest, 'awardForms'>,
): { nominationIds: string[]; cap: Map<string, number> } | { refusal: RoundRefusal } {
  if (source.status !== 'confirmed')
    return { refusal: { code: 'ROUND_NOT_CONFIRMED', details: { roundId: source.id, status: source.status } } };
  const ties = (source.result?.forms ?? []).filter((form) => form.tie && wantedForm(request, form.awardForm));
  const nominationIds = ties.flatMap((form) => form.tie!.nominationIds);
  if (nominationIds.length === 0) return { refusal: { code: 'NO_CANDIDATES', details: { fromRoundId: source.id, reason: 'NO_TIE' } } };
  return { nominationIds, cap: new Map(ties.map((form) => [form.awardForm, form.tie!.places])) };
}

/**
 * A round's candidates from their nominations: the name from the registry (the person's full name, the
 * unit's name for a collective; as typed when the registry does not know it), the nominating unit's
 * name, and whether the nominee is a woman (the tally shows it, never decides on it). In the order a
 * ballot lists them: by the campaign's award forms, collectives first, then by unit and by name.
 */
export function candidatesFor(
  campaign: Pick<Campaign, 'awardForms'>,
  nominations: readonly Nomination[],
  registry: { units: readonly Unit[]; people: readonly Person[] },
): Candidate[] {
  const units = new Map(registry.units.map((unit) => [unit.id, unit]));
  const people = new Map(registry.people.map((person) => [person.id, person]));
  const formOrder = (code: string) => {
    const index = campaign.awardForms.findIndex((form) => form.code === code);
    return index < 0 ? campaign.awardForms.length : index;
  };
  const vi = (a: string, b: string) => a.localeCompare(b, 'vi');
  return nominations
    .map((n): Candidate => {
      const person = n.nomineeKind === 'individual' ? people.get(n.nomineeId) : undefined;
      const name = n.nomineeKind === 'individual' ? (person?.fullName ?? n.nomineeId) : (units.get(n.nomineeId)?.name ?? n.nomineeId);
      return {
        nominationId: n.id,
        awardForm: n.awardForm,
        name: name.slice(0, 200),
        nomineeKind: n.nomineeKind,
        unitName: (units.get(n.unitId)?.name ?? n.unitId).slice(0, 200),
        female: person?.gender === 'female',
        ...(n.overrideReason?.trim() ? { overrideReason: n.overrideReason.trim() } : {}),
      };
    })
    .sort(
      (a, b) =>
        formOrder(a.awardForm) - formOrder(b.awardForm) ||
        vi(a.awardForm, b.awardForm) ||
        (a.nomineeKind === b.nomineeKind ? 0 : a.nomineeKind === 'collective' ? -1 : 1) ||
        vi(a.unitName, b.unitName) ||
        vi(a.name, b.name) ||
        a.nominationId.localeCompare(b.nominationId),
    );
}

/**
 * Each award form of the candidates with its places: the quota's places not yet filled (the smallest
 * over the form's campaign-wide rules; a candidate that already counts keeps its place), or as many as
 * there are candidates for a form without such a rule (a unit-wide quota is enforced when the round is
 * confirmed). `cap` limits a form's places further (a tie's places left).
 */
export function formsFor(
  campaign: Pick<Campaign, 'awardForms' | 'quotaRules'>,
  candidates: readonly Nomination[],
  usage: readonly QuotaUsage[],
  cap?: ReadonlyMap<string, number>,
): RoundForm[] {
  const codes = [...new Set(candidates.map((n) => n.awardForm))];
  const order = (code: string) => {
    const index = campaign.awardForms.findIndex((form) => form.code === code);
    return index < 0 ? campaign.awardForms.length : index;
  };
  codes.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  return codes.map((awardForm) => {
    const ofForm = candidates.filter((n) => n.awardForm === awardForm);
    const rules = campaign.quotaRules.filter((rule) => rule.awardForm === awardForm && rule.scope === 'campaign');
    let places =
      rules.length === 0
        ? ofForm.length
        : Math.min(
            ...rules.map((rule) => {
              const used = usage.find((u) => u.ruleId === rule.id)?.used ?? 0;
              const held = ofForm.filter((n) => countsTowards(rule, n)).length;
              return rule.max - (used - held);
            }),
          );
    const limit = cap?.get(awardForm);
    if (limit !== undefined) places = Math.min(places, limit);
    return { awardForm, places: Math.max(0, Math.min(places, 1000)) };
  });
}

/**
 * What a new round votes on: a form whose places are all filled has nothing to decide, so its
 * candidates are left out; asked for by name, or leaving the round with nothing, it is refused.
 */
export function formsWithPlaces(
  campaign: Pick<Campaign, 'awardForms'>,
  forms: readonly RoundForm[],
  nominations: readonly Nomination[],
  request: Pick<CreateRoundRequest, 'awardForms'>,
): { forms: RoundForm[]; nominations: Nomination[] } | { refusal: RoundRefusal } {
  const full = forms.filter((form) => form.places === 0).map((form) => form.awardForm);
  const open = forms.filter((form) => form.places > 0);
  const asked = full.filter((code) => request.awardForms?.includes(code));
  if (full.length > 0 && (open.length === 0 || asked.length > 0)) {
    const codes = asked.length > 0 ? asked : full;
    // The form's name in each language (the plan names a form in vi and en), its code when unknown.
    const names = (language: 'vi' | 'en') =>
      codes.map((code) => campaign.awardForms.find((f) => f.code === code)?.name[language] ?? code).join(', ');
    return {
      refusal: {
        code: 'NO_PLACES_LEFT',
        details: { awardForms: codes },
        message: {
          vi: `${names('vi')} đã đủ số suất theo chỉ tiêu; không mở vòng bỏ phiếu cho hình thức này`,
          en: `${names('en')} has no places left under its quota; no round is opened for it`,
        },
      },
    };
  }
  const voted = new Set(open.map((form) => form.awardForm));
  return { forms: open, nominations: nominations.filter((n) => voted.has(n.awardForm)) };
}

/**
 * A round takes at most 1,000 candidates: a council's ballot lists no more, the round's item holds them
 * with their result and minutes (gzipped, well under DynamoDB's 400 KB), and its confirmation's
 * steps (shared/council/round-steps.ts) end within a request's time.
 */
export const MAX_ROUND_CANDIDATES = 1000;

export function roundSizeRefusal(candidates: number): RoundRefusal | undefined {
  if (candidates <= MAX_ROUND_CANDIDATES) return undefined;
  return { code: 'ROUND_TOO_LARGE', details: { candidates, maxCandidates: MAX_ROUND_CANDIDATES } };
}
