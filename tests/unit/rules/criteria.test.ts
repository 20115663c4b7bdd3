import { describe, expect, it } from 'vitest';
import { checkNomination, SEED_CAMPAIGN } from '#shared/index';
import { codesOf, ctx, LE_VAN_SON, nominateCollective, nominateIndividual, PHONG_TONG_HOP } from '#tests/unit/fixtures';
import { PLAN_CASES, validate } from './plan-cases';

// Rule 7 — Kế hoạch III.1 "Tiêu chuẩn khen thưởng" and II.4 the movements.
describe('rule 7: criteria, movements and achievements', () => {
  // Kế hoạch III.1: "Tiêu chuẩn khen thưởng" — a nomination states which criteria it meets.
  it('III.1 "Tiêu chuẩn khen thưởng": no criterion stated is an error once submitted, a warning in draft', () => {
    const report = validate(PLAN_CASES.noCriterionStated);
    expect(codesOf(report.issues)).toEqual(['CRITERIA_MISSING']);
    expect(report.issues[0]).toMatchObject({ severity: 'error', field: 'criteriaMet' });
    expect(report.issues[0]!.message.vi).toBe('Chưa nêu tiêu chuẩn khen thưởng mà tập thể, cá nhân đáp ứng');
    const draft = checkNomination(ctx, nominateIndividual(LE_VAN_SON, { criteriaMet: [], status: 'draft' }), {});
    expect(draft.map((issue) => [issue.code, issue.severity])).toEqual([['CRITERIA_MISSING', 'warning']]);
  });

  // Kế hoạch III.1: "Tiêu chuẩn khen thưởng" — only the plan's criteria.
  it('III.1 "Tiêu chuẩn khen thưởng": a criterion the plan does not set is an error', () => {
    const report = validate(PLAN_CASES.criterionNotInPlan);
    expect(codesOf(report.issues)).toEqual(['CRITERION_UNKNOWN']);
    expect(report.issues[0]).toMatchObject({ severity: 'error', field: 'criteriaMet' });
    expect(report.issues[0]!.message.vi).toBe('Tiêu chuẩn "CN_CHIEN_SI_THI_DUA" không có trong Kế hoạch');
  });

  // Kế hoạch III.1: "Đối với tập thể: Ban hành kế hoạch kịp thời ..." is not a criterion for an individual.
  it('III.1 "Đối với tập thể: Ban hành kế hoạch kịp thời": stated for an individual is an error', () => {
    const report = validate(PLAN_CASES.collectiveCriterionForAnIndividual);
    expect(codesOf(report.issues)).toEqual(['CRITERION_WRONG_KIND']);
    expect(report.issues[0]!.severity).toBe('error');
    expect(report.issues[0]!.message.vi).toBe('Tiêu chuẩn "TT_KE_HOACH" dành cho tập thể, không dành cho cá nhân');
  });

  // Kế hoạch III.1: "Đối với cá nhân: Có hành động, việc làm thiết thực ..." is not a criterion for a collective.
  it('III.1 "Đối với cá nhân: Có hành động, việc làm": stated for a collective is an error', () => {
    const allCollective = ['TT_KE_HOACH', 'TT_BAO_CAO_TONG_KET', 'TT_CONG_TRINH_DE_AN', 'TT_THANH_TICH_XUAT_SAC'];
    const nomination = nominateCollective(PHONG_TONG_HOP, { criteriaMet: [...allCollective, 'CN_HANH_DONG_VIEC_LAM'] });
    const issues = checkNomination(ctx, nomination, {});
    expect(codesOf(issues)).toEqual(['CRITERION_WRONG_KIND']);
    expect(issues[0]!.params).toMatchObject({ criterion: 'CN_HANH_DONG_VIEC_LAM', criterionKind: 'cá nhân', kind: 'tập thể' });
  });

  // Kế hoạch III.1: "Đối với cá nhân: Có hành động ... hoặc có đề tài, sáng kiến, giải pháp" — either one suffices.
  it('III.1 "Đối với cá nhân ... hoặc có đề tài, sáng kiến": each individual criterion alone is accepted', () => {
    for (const code of ['CN_HANH_DONG_VIEC_LAM', 'CN_SANG_KIEN_GIAI_PHAP']) {
      expect(checkNomination(ctx, nominateIndividual(LE_VAN_SON, { criteriaMet: [code] }), {})).toEqual([]);
    }
  });

  // Kế hoạch II.4: "Tích cực hưởng ứng các phong trào thi đua do Trung ương và tỉnh phát động, cụ thể: ...".
  it('II.4 "các phong trào thi đua ... cụ thể": a movement the plan does not name is an error', () => {
    const report = validate(PLAN_CASES.movementNotInPlan);
    expect(codesOf(report.issues)).toEqual(['MOVEMENT_UNKNOWN']);
    expect(report.issues[0]).toMatchObject({ severity: 'error', field: 'movements' });
    expect(report.issues[0]!.message.vi).toBe('Phong trào thi đua "PHONG_TRAO_KHAC" không có trong Kế hoạch');
  });

  // Kế hoạch II.4: the seven movements — each is accepted; naming none is allowed.
  it('II.4: each of the seven movements is accepted, and naming none is no finding', () => {
    const all = SEED_CAMPAIGN.movements.map((movement) => movement.code);
    expect(checkNomination(ctx, nominateIndividual(LE_VAN_SON, { movements: all }), {})).toEqual([]);
    expect(checkNomination(ctx, nominateIndividual(LE_VAN_SON, { movements: [] }), {})).toEqual([]);
  });

  // Kế hoạch III.2.c: "Biên bản ... (trong đó có phân tích làm rõ thành tích của tập thể, cá nhân ...)".
  it('III.2.c "phân tích làm rõ thành tích": blank achievements are an error once submitted, a warning in draft', () => {
    const report = validate(PLAN_CASES.noAchievements);
    expect(codesOf(report.issues)).toEqual(['ACHIEVEMENTS_MISSING']);
    expect(report.issues[0]).toMatchObject({ severity: 'error', field: 'achievements' });
    expect(report.issues[0]!.message.vi).toBe('Chưa tóm tắt thành tích');
    const draft = checkNomination(ctx, nominateIndividual(LE_VAN_SON, { achievements: '', status: 'returned' }), {});
    expect(draft.map((issue) => [issue.code, issue.severity])).toEqual([['ACHIEVEMENTS_MISSING', 'warning']]);
  });
});
