import { describe, expect, it } from 'vitest';
import { checkNomination, DEMO_UNITS } from '#shared/index';
import {
  codesOf,
  ctx,
  HR_OFFICE,
  LE_VAN_SON,
  nominateCollective,
  nominateIndividual,
  PHONG_KINH_TE,
  PHONG_TONG_HOP,
} from '#tests/unit/fixtures';
import { PLAN_CASES, validate } from './plan-cases';

// Rule 2 — Kế hoạch II.3 "Đối tượng thi đua".
describe('rule 2: who may be nominated', () => {
  // Kế hoạch II.3: "Tập thể gồm: Các phòng, ban, đơn vị trực thuộc Văn phòng".
  it('II.3 "Các phòng, ban, đơn vị trực thuộc Văn phòng": a nominating unit not in the registry is an error', () => {
    const report = validate(PLAN_CASES.unknownUnit);
    expect(codesOf(report.issues)).toEqual(['UNIT_UNKNOWN']);
    expect(report.issues[0]).toMatchObject({ severity: 'error', field: 'unitId' });
    expect(report.issues[0]!.message.vi).toBe('Đơn vị "phong-khong-co" không có trong danh sách các phòng, ban, đơn vị của Văn phòng');
  });

  // Kế hoạch II.3: "Cá nhân gồm: Toàn thể cán bộ, công chức, viên chức, người lao động trong Văn phòng".
  it('II.3 "Toàn thể cán bộ, công chức, viên chức, người lao động trong Văn phòng": an unknown person is an error', () => {
    const report = validate(PLAN_CASES.unknownNominee);
    expect(codesOf(report.issues)).toEqual(['NOMINEE_UNKNOWN']);
    expect(report.issues[0]).toMatchObject({ severity: 'error', field: 'nomineeId' });
    expect(report.issues[0]!.message.vi).toBe('Không có cá nhân "cb-999" trong danh sách của Văn phòng');
  });

  // Kế hoạch II.3: "Tập thể gồm: Các phòng, ban, đơn vị" — a person's id is not a collective.
  it('II.3 "Tập thể gồm: Các phòng, ban, đơn vị": a collective whose id is a person is unknown', () => {
    const issues = checkNomination(ctx, nominateCollective(PHONG_TONG_HOP, { nomineeId: LE_VAN_SON.id }), {
      nominationId: 'N1',
    });
    expect(codesOf(issues)).toEqual(['NOMINEE_UNKNOWN']);
    expect(issues[0]!.message.vi).toBe(`Không có tập thể "${LE_VAN_SON.id}" trong danh sách của Văn phòng`);
  });

  // Kế hoạch III.2.a: "Các phòng, ban, đơn vị xem xét lựa chọn tập thể, cá nhân" — their own staff.
  it('III.2.a "Các phòng, ban, đơn vị xem xét lựa chọn ... cá nhân": a person of another unit is an error', () => {
    const report = validate(PLAN_CASES.individualOfAnotherUnit);
    expect(codesOf(report.issues)).toEqual(['NOMINEE_OTHER_UNIT']);
    expect(report.issues[0]).toMatchObject({ severity: 'error', field: 'nomineeId' });
    expect(report.issues[0]!.message.vi).toBe('Phạm Văn Dũng thuộc Phòng Kinh tế, không thuộc đơn vị đề nghị (Phòng Tổng hợp)');
  });

  // Kế hoạch III.2.a: "Các phòng, ban, đơn vị xem xét lựa chọn tập thể" — a unit proposes itself, not another unit.
  it('III.2.a "Các phòng, ban, đơn vị xem xét lựa chọn tập thể": proposing another unit is an error', () => {
    const report = validate(PLAN_CASES.collectiveOtherThanNominatingUnit);
    expect(codesOf(report.issues)).toEqual(['NOMINEE_OTHER_UNIT']);
    expect(report.issues[0]!.params).toMatchObject({ nomineeName: PHONG_KINH_TE.name, unitName: PHONG_TONG_HOP.name });
  });

  // Kế hoạch II.3: "Các phòng, ban, đơn vị trực thuộc Văn phòng" — the HR office is one of them.
  it('II.3: the HR office (phòng Hành chính tổ chức - Quản trị tài vụ) may be proposed as a collective and its staff as individuals', () => {
    expect(checkNomination(ctx, nominateCollective(HR_OFFICE), { nominationId: 'N1' })).toEqual([]);
    expect(DEMO_UNITS.filter((u) => u.isHrOffice)).toEqual([HR_OFFICE]);
  });

  // Kế hoạch II.3: "Cá nhân gồm: Toàn thể cán bộ ... trong Văn phòng" — a person of the unit is fine.
  it('II.3: a staff member proposed by their own unit raises nothing', () => {
    expect(checkNomination(ctx, nominateIndividual(LE_VAN_SON), { nominationId: 'N1' })).toEqual([]);
  });
});
