import { describe, expect, it } from 'vitest';
import { checkNomination, NominationFields, NominationStatus, validateCampaign, worstSeverity, type Issue } from '#shared/index';
import {
  codesOf,
  ctx,
  dossierWithout,
  HA_VAN_HUNG,
  HOANG_THI_PHUONG,
  LE_VAN_SON,
  nominateCollective,
  nominateIndividual,
  PHAM_VAN_DUNG,
  PHONG_KINH_TE,
  saved,
} from '#tests/unit/fixtures';

describe('a complete, valid nomination', () => {
  // Kế hoạch III.2.c + III.1 + IV.1: three documents, a criterion, received "trước ngày 01/10/2025" → nothing to say.
  it.each(NominationStatus.options)('III.2.c/III.1/IV.1: an individual, status %s, gives no issues', (status) => {
    const nomination = saved(nominateIndividual(LE_VAN_SON, { status }));
    expect(validateCampaign(ctx, [nomination]).issues).toEqual([]);
  });

  // Kế hoạch II.3 "Tập thể gồm: Các phòng, ban, đơn vị trực thuộc Văn phòng".
  it.each(['BANG_KHEN_CT_UBND', 'GIAY_KHEN_CVP'])('II.3/III.2.a: a unit proposing itself for %s gives no issues', (awardForm) => {
    expect(validateCampaign(ctx, [saved(nominateCollective(PHONG_KINH_TE, { awardForm }))]).issues).toEqual([]);
  });

  it('the fixture passes the NominationFields schema unchanged (it is what a client may send)', () => {
    const fields = nominateIndividual(LE_VAN_SON);
    expect(NominationFields.parse(fields)).toEqual(fields);
  });

  it('an unsaved row is reported by its rowKey, without a nominationId', () => {
    const issues = checkNomination(ctx, nominateIndividual(LE_VAN_SON, { achievements: '' }), { rowKey: 'row-7' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'ACHIEVEMENTS_MISSING', rowKey: 'row-7' });
    expect(issues[0]).not.toHaveProperty('nominationId');
  });
});

describe('validateCampaign: the report', () => {
  // Kế hoạch IV.2: "Giao Phòng Hành chính tổ chức - Quản trị tài vụ tổng hợp kết quả" — the consolidated report.
  it('IV.2 "tổng hợp kết quả": counts live nominations, errors and warnings, and the quota usage', () => {
    const nominations = [
      // valid, eligible, Giấy khen
      saved(nominateIndividual(LE_VAN_SON, { status: 'eligible' })),
      // late: 1 warning
      saved(nominateIndividual(PHAM_VAN_DUNG, { receivedDate: '2025-10-03', awardForm: 'BANG_KHEN_CT_UBND' })),
      // draft without the Tờ trình: 1 warning
      saved(nominateIndividual(HOANG_THI_PHUONG, { status: 'draft', dossier: dossierWithout('TO_TRINH') })),
      // submitted without criteria: 1 error
      saved(nominateCollective(PHONG_KINH_TE, { criteriaMet: [], awardForm: 'BANG_KHEN_CT_UBND' })),
      // deleted: not counted at all, though it would be an error
      saved(nominateIndividual(HA_VAN_HUNG, { awardForm: 'HUAN_CHUONG' }), { deletedAt: '2025-09-22T00:00:00.000Z' }),
    ];
    const report = validateCampaign(ctx, nominations);
    // The rows' findings, then the forms': more candidates than places, once for the Bằng khen.
    expect(codesOf(report.issues)).toEqual(['LATE_SUBMISSION', 'DOSSIER_INCOMPLETE', 'CRITERIA_MISSING', 'QUOTA_MORE_CANDIDATES']);
    expect(report.counts).toEqual({ nominations: 4, errors: 1, warnings: 3 });
    expect(report.quotaUsage).toEqual([
      { ruleId: 'QUOTA_BANG_KHEN', awardForm: 'BANG_KHEN_CT_UBND', scope: 'campaign', scopeKey: '*', max: 1, used: 0, candidates: 2 },
      { ruleId: 'QUOTA_GIAY_KHEN', awardForm: 'GIAY_KHEN_CVP', scope: 'campaign', scopeKey: '*', max: 1, used: 0, candidates: 1 },
    ]);
  });

  it('an empty campaign reports both quotas unused and no issues', () => {
    const report = validateCampaign(ctx, []);
    expect(report.counts).toEqual({ nominations: 0, errors: 0, warnings: 0 });
    expect(report.quotaUsage.map((u) => [u.awardForm, u.used, u.candidates, u.max])).toEqual([
      ['BANG_KHEN_CT_UBND', 0, 0, 1],
      ['GIAY_KHEN_CVP', 0, 0, 1],
    ]);
  });

  it('worstSeverity: error over warning, undefined when clean', () => {
    const warning = { severity: 'warning' } as Issue;
    const error = { severity: 'error' } as Issue;
    expect(worstSeverity([])).toBeUndefined();
    expect(worstSeverity([warning])).toBe('warning');
    expect(worstSeverity([warning, error])).toBe('error');
  });
});
