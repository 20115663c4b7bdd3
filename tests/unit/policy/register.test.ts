import { describe, expect, it } from 'vitest';
import { refuseImportHistory, refuseRecordDecision, refuseRegisterLookup, refuseEnteredDecision } from '#shared/policy/index';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { nominateIndividual, saved } from '#tests/support/nomination';
import { cases, OWN, USERS } from './users';

describe('the award register: who may', () => {
  it.each(
    cases({ admin: undefined, hr: undefined, unit: 'FORBIDDEN', otherUnit: 'FORBIDDEN', secretary: 'FORBIDDEN', viewer: 'FORBIDDEN' }),
  )('enter a decision and import the history: %s → %s', (who, refusal) => {
    expect(refuseRecordDecision(USERS[who])).toBe(refusal);
    expect(refuseImportHistory(USERS[who])).toBe(refusal);
  });

  it.each(
    cases({ admin: undefined, hr: undefined, unit: undefined, otherUnit: 'FORBIDDEN_UNIT', secretary: undefined, viewer: undefined }),
  )("look up a person of the clerk's unit: %s → %s", (who, refusal) => {
    expect(refuseRegisterLookup(USERS[who], OWN)).toBe(refusal);
  });

  it('a unit clerk looks nobody up by a bare name (whose unit is unknown)', () => {
    expect(refuseRegisterLookup(USERS.unit, undefined)).toBe('FORBIDDEN_UNIT');
    expect(refuseRegisterLookup(USERS.hr, undefined)).toBeUndefined();
  });
});

describe('a decision entered by hand', () => {
  const selected = saved(nominateIndividual('cb-008', { awardForm: 'BANG_KHEN_CT_UBND' }), { status: 'selected' });
  const otherForm = saved(nominateIndividual('cb-009'), { status: 'selected' });
  const eligible = saved(nominateIndividual('cb-010', { awardForm: 'BANG_KHEN_CT_UBND' }), { status: 'eligible' });
  const found = new Map([selected, otherForm, eligible].map((n) => [n.id, n]));

  it('awards only the nominations the council selected for its form, naming the others', () => {
    expect(refuseEnteredDecision(SEED_CAMPAIGN, 'BANG_KHEN_CT_UBND', [selected.id], found)).toBeUndefined();
    expect(refuseEnteredDecision(SEED_CAMPAIGN, 'BANG_KHEN_CT_UBND', [selected.id, otherForm.id, eligible.id, 'missing'], found)).toEqual({
      code: 'DECISION_NOT_SELECTED',
      ids: [otherForm.id, eligible.id, 'missing'],
    });
  });

  it("is refused for a form the campaign lacks, and for the office's own form (issued from its documents)", () => {
    expect(refuseEnteredDecision(SEED_CAMPAIGN, 'HUAN_CHUONG', [selected.id], found)?.code).toBe('DECISION_FORM_UNKNOWN');
    expect(refuseEnteredDecision(SEED_CAMPAIGN, 'GIAY_KHEN_CVP', [otherForm.id], found)?.code).toBe('DECISION_FORM_OFFICE');
  });
});
