import { describe, expect, it } from 'vitest';
import type { NominationFields } from '#shared/nomination';
import { blockingFindings, refuseByFindings } from '#shared/policy/nominations';
import { checkNomination } from '#shared/rules/index';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { ctx } from '#tests/unit/fixtures';
import { dossierWithout, nominateIndividual, staffOf } from '#tests/support/nomination';
import { cases, OWN, USERS, type Who } from './users';

const nominee = staffOf(OWN)[0]!;
const row = (status: NominationFields['status'], extra: Partial<NominationFields> = {}) =>
  nominateIndividual(nominee, { status, ...extra }) as NominationFields;
const findings = (after: NominationFields) => checkNomination(ctx, after, {});
const judge = (who: Who, before: NominationFields | undefined, after: NominationFields, campaign = SEED_CAMPAIGN) =>
  refuseByFindings(USERS[who], before, after, findings(after), campaign)?.code;

describe('a move into eligible needs a nomination without blocking findings (issue 8, item 1)', () => {
  const incomplete = row('eligible', { dossier: dossierWithout('BAO_CAO_THANH_TICH'), criteriaMet: [] });
  const late = row('eligible', { receivedDate: '2025-10-05' });

  it('the blocking findings: every error, and a dossier received after the deadline', () => {
    expect(
      blockingFindings('eligible', findings(incomplete))
        .map((f) => f.code)
        .sort(),
    ).toEqual(['CRITERIA_MISSING', 'DOSSIER_INCOMPLETE']);
    expect(blockingFindings('eligible', findings(late)).map((f) => f.code)).toEqual(['LATE_SUBMISSION']);
    expect(blockingFindings('eligible', findings(row('eligible')))).toEqual([]);
  });

  it.each(
    cases({
      admin: 'NOT_ELIGIBLE',
      hr: 'NOT_ELIGIBLE',
      unit: 'NOT_ELIGIBLE',
      otherUnit: 'NOT_ELIGIBLE',
      secretary: 'NOT_ELIGIBLE',
      viewer: 'NOT_ELIGIBLE',
    }),
  )('an incomplete dossier, moved from submitted: %s → %s', (who, code) => expect(judge(who, row('submitted'), incomplete)).toBe(code));

  it('a late dossier is refused too, and the message names what is wrong in both languages', () => {
    const refusal = refuseByFindings(USERS.hr, row('submitted'), late, findings(late), SEED_CAMPAIGN)!;
    expect(refusal.code).toBe('NOT_ELIGIBLE');
    expect(refusal.message.vi).toContain('sau hạn 30/09/2025');
    expect(refusal.message.en).toContain('after the deadline');
  });

  it.each(
    cases({
      admin: undefined,
      hr: 'NOT_ELIGIBLE',
      unit: 'NOT_ELIGIBLE',
      otherUnit: 'NOT_ELIGIBLE',
      secretary: 'NOT_ELIGIBLE',
      viewer: 'NOT_ELIGIBLE',
    }),
  )('an override reason lets only an administrator through: %s → %s', (who, code) =>
    expect(judge(who, row('submitted'), { ...incomplete, overrideReason: 'Hồ sơ gốc đã nộp bản giấy' })).toBe(code),
  );

  it('a complete dossier passes; an eligible row saved again with nothing changed in its content is not judged', () => {
    expect(judge('hr', row('submitted'), row('eligible'))).toBeUndefined();
    expect(judge('hr', incomplete, { ...incomplete, note: 'ghi chú' })).toBeUndefined();
    expect(judge('hr', row('eligible'), incomplete)).toBe('NOT_ELIGIBLE');
  });
});

describe('a submission needs no error unless the campaign allows it (issue 8, item 6)', () => {
  const incomplete = row('submitted', { achievements: '' });

  it('refused by default, naming what is missing', () => {
    const refusal = refuseByFindings(USERS.unit, row('draft', { achievements: '' }), incomplete, findings(incomplete), SEED_CAMPAIGN)!;
    expect(refusal.code).toBe('SUBMISSION_INCOMPLETE');
    expect(refusal.message.vi).toMatch(/^Chưa gửi được đề nghị: .*thành tích/);
  });

  it('allowed when the campaign lets incomplete dossiers be sent; a late dossier never stops a submission', () => {
    const lenient = { ...SEED_CAMPAIGN, allowIncompleteSubmission: true };
    expect(judge('unit', row('draft'), incomplete, lenient)).toBeUndefined();
    expect(judge('unit', row('draft'), row('submitted', { receivedDate: '2025-10-05' }))).toBeUndefined();
  });

  it('a draft with the same gaps is only warned about', () => {
    expect(judge('unit', undefined, row('draft', { achievements: '' }))).toBeUndefined();
  });
});
