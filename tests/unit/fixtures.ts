/**
 * What the unit tests share besides the one nomination builder (tests/support/nomination.ts, re-exported
 * here): the seed's plan as a rule context, named people and units of the demo office, plan variants.
 */
import {
  Campaign,
  DEMO_PEOPLE,
  DEMO_UNITS,
  HR_UNIT_ID,
  makeRuleContext,
  SEED_CAMPAIGN,
  type Person,
  type RuleContext,
  type Unit,
} from '#shared/index';
import { person, unit } from '#tests/support/nomination';

export { completeDossier, dossierWithout, nominateCollective, nominateIndividual, person, saved, unit } from '#tests/support/nomination';

/** The plan as data with the demo office's registry: what the rules read besides the nominations. */
export const ctx: RuleContext = makeRuleContext(SEED_CAMPAIGN, DEMO_UNITS, DEMO_PEOPLE);

/** Named people and units of the demo office, so tests read as cases rather than ids. */
/** Phòng Hành chính tổ chức - Quản trị tài vụ: the HR office the plan names (IV.1). */
export const HR_OFFICE = unit(HR_UNIT_ID);
export const PHONG_TONG_HOP = unit('tong-hop');
export const PHONG_KINH_TE = unit('kinh-te');
/** cb-009, Phòng Tổng hợp. */
export const LE_VAN_SON = person('cb-009');
/** cb-010, Phòng Tổng hợp. */
export const HOANG_THI_PHUONG = person('cb-010');
/** cb-011, Phòng Tổng hợp. */
export const HA_VAN_HUNG = person('cb-011');
/** cb-015, Phòng Kinh tế. */
export const PHAM_VAN_DUNG = person('cb-015');
/** DEMO_PEOPLE[12] (cb-013, Phòng Tổng hợp): the one staff member under discipline. */
export const UNDER_DISCIPLINE = DEMO_PEOPLE[12]!;

/** A variant of the seed's campaign, validated by the schema like any campaign an administrator saves. */
export function campaignVariant(change: (draft: Campaign) => void): Campaign {
  const draft = structuredClone(SEED_CAMPAIGN);
  change(draft);
  return Campaign.parse(draft);
}

/** A rule context for a variant campaign or registry; the demo office by default. */
export function contextWith(options: { campaign?: Campaign; units?: Unit[]; people?: Person[] }): RuleContext {
  return makeRuleContext(options.campaign ?? SEED_CAMPAIGN, options.units ?? DEMO_UNITS, options.people ?? DEMO_PEOPLE);
}

/** The codes of a list of issues, in order: what most assertions compare. */
export function codesOf(issues: readonly { code: string }[]): string[] {
  return issues.map((issue) => issue.code);
}
