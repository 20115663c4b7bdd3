import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '#shared/index';
import { codesOf, UNDER_DISCIPLINE } from '#tests/unit/fixtures';
import { PLAN_CASES, validate } from './plan-cases';

// Rule 9: no award while the nominee is under discipline, investigation or an unresolved
// complaint. The plan has no line for it: it is the Law on Emulation and Commendation the plan applies.
describe('rule 9: discipline', () => {
  it('rule 9: the demo office has exactly one person under discipline, DEMO_PEOPLE[12]', () => {
    expect(DEMO_PEOPLE.filter((p) => p.underDiscipline)).toEqual([UNDER_DISCIPLINE]);
    expect(UNDER_DISCIPLINE).toMatchObject({ id: 'cb-013', unitId: 'tong-hop' });
  });

  it('rule 9: a person with an unresolved complaint, proposed by their own unit, is an error', () => {
    const report = validate(PLAN_CASES.individualUnderDiscipline);
    expect(codesOf(report.issues)).toEqual(['NOMINEE_UNDER_DISCIPLINE']);
    expect(report.issues[0]).toMatchObject({ severity: 'error', field: 'nomineeId' });
    expect(report.issues[0]!.message.vi).toBe(
      `${UNDER_DISCIPLINE.fullName} đang bị xem xét kỷ luật, điều tra hoặc có khiếu nại chưa giải quyết: chưa khen thưởng`,
    );
  });

  it('rule 9: a unit under investigation proposed as a collective is an error', () => {
    const report = validate(PLAN_CASES.collectiveUnderInvestigation);
    expect(codesOf(report.issues)).toEqual(['NOMINEE_UNDER_DISCIPLINE']);
    expect(report.issues[0]!.message.vi).toMatch(/^Phòng Kinh tế đang bị xem xét kỷ luật/);
  });
});
