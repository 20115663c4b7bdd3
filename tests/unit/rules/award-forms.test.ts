import { describe, expect, it } from 'vitest';
import { checkNomination } from '#shared/index';
import { codesOf, ctx, LE_VAN_SON, nominateCollective, nominateIndividual, PHONG_TONG_HOP } from '#tests/unit/fixtures';
import { PLAN_CASES, validate } from './plan-cases';

// Rule 3 — Kế hoạch III.2.a "Hình thức khen thưởng".
describe('rule 3: the award forms', () => {
  // Kế hoạch III.2.a: "đề nghị tặng Giấy khen của Chánh Văn phòng" / "đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh".
  it('III.2.a: a form the plan does not name (Huân chương) is an error', () => {
    const report = validate(PLAN_CASES.unknownAwardForm);
    expect(codesOf(report.issues)).toEqual(['AWARD_FORM_UNKNOWN']);
    expect(report.issues[0]).toMatchObject({ severity: 'error', field: 'awardForm' });
    expect(report.issues[0]!.message.vi).toBe('Hình thức khen thưởng "HUAN_CHUONG_LAO_DONG" không có trong Kế hoạch');
  });

  // Kế hoạch III.2.a: "lựa chọn tập thể, cá nhân ... đề nghị tặng Giấy khen": a campaign variant gives it to individuals only.
  it('III.2.a (variant, Giấy khen for individuals only): a collective proposed for it is an error', () => {
    const report = validate(PLAN_CASES.awardFormNotForThisKind);
    expect(codesOf(report.issues)).toEqual(['AWARD_FORM_KIND_NOT_ALLOWED']);
    expect(report.issues[0]).toMatchObject({ severity: 'error', field: 'awardForm' });
    expect(report.issues[0]!.message.vi).toBe('Giấy khen của Chánh Văn phòng không áp dụng cho tập thể');
    expect(report.issues[0]!.message.en).toContain('Certificate of Merit of the Chief of Office is not given to a collective');
  });

  // Kế hoạch III.2.a: "lựa chọn tập thể cá nhân ... đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh".
  it('III.2.a: both forms of the plan are given to both collectives and individuals', () => {
    for (const awardForm of ['BANG_KHEN_CT_UBND', 'GIAY_KHEN_CVP']) {
      expect(checkNomination(ctx, nominateIndividual(LE_VAN_SON, { awardForm }), {})).toEqual([]);
      expect(checkNomination(ctx, nominateCollective(PHONG_TONG_HOP, { awardForm }), {})).toEqual([]);
    }
  });
});
