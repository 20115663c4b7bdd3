import { describe, expect, it } from 'vitest';
import { makeIssue, NominationFields, RULE_MESSAGES, SEED_CAMPAIGN, type RuleCode } from '#shared/index';
import { PLAN_CASES, validate, type PlanCase } from './plan-cases';

/**
 * Codes no rule of shared/rules produces: RETURN_REASON_MISSING is the server's refusal of a status change
 * to 'returned' without a reason (Kế hoạch IV.2: HR "tổng hợp kết quả" and sends back what is wrong); it is
 * a check on the request, not on a nomination's content, so validateCampaign never yields it.
 */
// Refusals of a status move (shared/policy), not findings of the plan's rules; NOMINATION_BEING_DECIDED
// refuses a save of a candidate while its round's confirmation is written (a lock, not its content).
const SERVER_ONLY: readonly RuleCode[] = [
  'RETURN_REASON_MISSING',
  'NOT_ELIGIBLE',
  'SUBMISSION_INCOMPLETE',
  'NOMINATION_TAKEN_OVER',
  'NOMINATION_BEING_DECIDED',
];

/**
 * Rule 8 against the award register: the save reads the register for the nominees it saves
 * (tests/unit/rules/register-duplicates.test.ts); a plan case holds no register. The history sheet's
 * finding is on a row of that sheet, not on a nomination.
 */
const REGISTER_CODES: readonly RuleCode[] = ['AWARDED_IN_CAMPAIGN', 'AWARDED_SAME_PERIOD', 'HISTORY_UNMATCHED'];

/** Codes of findings about a form's quota, not about one nomination. */
const FORM_CODES: readonly RuleCode[] = ['QUOTA_MORE_CANDIDATES'];

const cases = Object.entries(PLAN_CASES) as [string, PlanCase][];
const reports = cases.map(([name, planCase]) => ({ name, planCase, report: validate(planCase) }));
const allIssues = reports.flatMap(({ report }) => report.issues);

describe('the rule codes of RULE_MESSAGES', () => {
  // Kế hoạch (all sections): every rule of the plan has at least one case, rules 1–9 of the README's table.
  it('the plan cases cover rules 1 to 9', () => {
    expect([...new Set(cases.map(([, c]) => c.rule))].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it.each(cases)('plan case %s produces its code', (_name, planCase) => {
    expect(validate(planCase).issues.map((issue) => issue.code)).toContain(planCase.produces);
  });

  it('together the cases produce every code of RULE_MESSAGES except the server-only ones', () => {
    const produced = new Set(allIssues.map((issue) => issue.code));
    const expected = (Object.keys(RULE_MESSAGES) as RuleCode[]).filter(
      (code) => !SERVER_ONLY.includes(code) && !REGISTER_CODES.includes(code),
    );
    expect([...produced].sort()).toEqual([...expected].sort());
    for (const code of SERVER_ONLY) expect(produced.has(code)).toBe(false);
  });

  it('the server-only RETURN_REASON_MISSING still has a message in both languages', () => {
    const issue = makeIssue('RETURN_REASON_MISSING', 'error', { nominationId: 'N1', field: 'returnReason' });
    expect(issue.message).toEqual({ vi: 'Trả lại hồ sơ cần ghi lý do', en: 'A returned nomination needs a reason' });
  });
});

describe('every issue the cases produce', () => {
  const nominationFields = new Set(Object.keys(NominationFields.shape));
  const dossierCodes = new Set(SEED_CAMPAIGN.dossierRequirements.map((requirement) => requirement.code));

  it.each(allIssues.map((issue) => [issue.code, issue] as const))(
    '%s has a severity, a field, a nominationId and filled-in messages in vi and en',
    (_code, issue) => {
      expect(['error', 'warning']).toContain(issue.severity);
      // More candidates than places is the form's finding: on no row.
      if (FORM_CODES.includes(issue.code)) expect(issue.nominationId).toBeUndefined();
      else expect(issue.nominationId).toMatch(/^N\d{4}$/);
      expect(issue.field).toBeTruthy();
      const [head, rest] = issue.field!.split('.');
      expect(nominationFields.has(head!)).toBe(true);
      if (head === 'dossier') expect(dossierCodes.has(rest!)).toBe(true);
      for (const text of [issue.message.vi, issue.message.en]) {
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toMatch(/undefined|NaN|null|\[object|\{|\}|\$/);
      }
      expect(issue.message.vi).not.toBe(issue.message.en);
      for (const value of Object.values(issue.params)) expect(typeof value === 'string' || typeof value === 'number').toBe(true);
    },
  );

  it('each issue points at a nomination of its own case', () => {
    for (const { planCase, report } of reports) {
      const ids = new Set(planCase.nominations.map((n) => n.id));
      for (const issue of report.issues) if (!FORM_CODES.includes(issue.code)) expect(ids.has(issue.nominationId!)).toBe(true);
    }
  });
});
