import { describe, expect, it } from 'vitest';
import { checkNomination, type NominationStatus } from '#shared/index';
import { codesOf, completeDossier, ctx, dossierWithout, LE_VAN_SON, nominateIndividual } from '#tests/unit/fixtures';
import { PLAN_CASES, validate } from './plan-cases';

// Rule 5 — Kế hoạch III.2.c "Thành phần hồ sơ khen thưởng, gồm: ...".
describe('rule 5: the dossier', () => {
  // Kế hoạch III.2.c: "Báo cáo thành tích của các tập thể, cá nhân được đề nghị khen thưởng (Mẫu số 08 ...)".
  it('III.2.c "Báo cáo thành tích": a submitted dossier without it is incomplete (error)', () => {
    const report = validate(PLAN_CASES.dossierWithoutAchievementReport);
    expect(codesOf(report.issues)).toEqual(['DOSSIER_INCOMPLETE']);
    expect(report.issues[0]).toMatchObject({ severity: 'error', field: 'dossier.BAO_CAO_THANH_TICH' });
    expect(report.issues[0]!.message.vi).toBe('Hồ sơ thiếu Báo cáo thành tích');
    expect(report.issues[0]!.message.en).toBe('The dossier lacks the Achievement report');
  });

  // Kế hoạch III.2.c: "Thành phần hồ sơ khen thưởng, gồm" — while the unit still prepares it, a gap is a warning.
  it.each<[NominationStatus, 'warning' | 'error']>([
    ['draft', 'warning'],
    ['returned', 'warning'],
    ['submitted', 'error'],
    ['eligible', 'error'],
  ])('III.2.c "Thành phần hồ sơ": a dossier without its three documents, status %s → %s on each', (status, severity) => {
    const issues = checkNomination(ctx, nominateIndividual(LE_VAN_SON, { status, dossier: {} }), { nominationId: 'N1' });
    expect(issues.map((issue) => [issue.code, issue.severity, issue.field])).toEqual([
      ['DOSSIER_INCOMPLETE', severity, 'dossier.TO_TRINH'],
      ['DOSSIER_INCOMPLETE', severity, 'dossier.BIEN_BAN_HOP_XET'],
      ['DOSSIER_INCOMPLETE', severity, 'dossier.BAO_CAO_THANH_TICH'],
    ]);
  });

  // Kế hoạch III.2.c: "Biên bản cuộc họp xét khen thưởng" — a document marked as not present is missing.
  it('III.2.c "Biên bản cuộc họp xét khen thưởng": a document marked present: false is missing', () => {
    const dossier = { ...completeDossier(), BIEN_BAN_HOP_XET: { present: false } };
    const issues = checkNomination(ctx, nominateIndividual(LE_VAN_SON, { dossier, status: 'draft' }), {});
    expect(issues.map((issue) => [issue.code, issue.severity, issue.message.vi])).toEqual([
      ['DOSSIER_INCOMPLETE', 'warning', 'Hồ sơ thiếu Biên bản cuộc họp xét khen thưởng'],
    ]);
  });

  // Kế hoạch III.2.c: "Tờ trình đề nghị khen thưởng của các phòng, ban, đơn vị" — an official letter has a number and a date.
  it('III.2.c "Tờ trình đề nghị khen thưởng": present without its number is a warning', () => {
    const report = validate(PLAN_CASES.proposalLetterWithoutNumber);
    expect(codesOf(report.issues)).toEqual(['DOSSIER_DOCUMENT_DETAILS_MISSING']);
    expect(report.issues[0]).toMatchObject({ severity: 'warning', field: 'dossier.TO_TRINH' });
    expect(report.issues[0]!.message.vi).toBe('Tờ trình đề nghị khen thưởng: chưa ghi số hoặc ngày văn bản');
  });

  // Kế hoạch III.2.c: "Báo cáo thành tích ... (Mẫu số 08 ...)" — present without its date is a warning too.
  it('III.2.c "Báo cáo thành tích": present without its date is a warning', () => {
    const dossier = { ...completeDossier(), BAO_CAO_THANH_TICH: { present: true, number: '01/BC-TH' } };
    const issues = checkNomination(ctx, nominateIndividual(LE_VAN_SON, { dossier }), {});
    expect(issues.map((issue) => [issue.code, issue.severity, issue.field])).toEqual([
      ['DOSSIER_DOCUMENT_DETAILS_MISSING', 'warning', 'dossier.BAO_CAO_THANH_TICH'],
    ]);
  });

  // Kế hoạch III.2.c: only the documents of the plan are checked; an extra paper is no finding.
  it('III.2.c: an extra document the plan does not ask for raises nothing', () => {
    const dossier = { ...completeDossier(), BANG_CHAM_DIEM: { present: true, number: '1', date: '2025-09-01' } };
    expect(checkNomination(ctx, nominateIndividual(LE_VAN_SON, { dossier }), {})).toEqual([]);
    expect(checkNomination(ctx, nominateIndividual(LE_VAN_SON, { dossier: dossierWithout() }), {})).toEqual([]);
  });
});
