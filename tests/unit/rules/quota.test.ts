import { describe, expect, it } from 'vitest';
import { CAMPAIGN_SCOPE, computeQuotaUsage, quotaRefusal, SEED_CAMPAIGN, validateCampaign } from '#shared/index';
import { codesOf, ctx, HA_VAN_HUNG, HOANG_THI_PHUONG, LE_VAN_SON, nominateIndividual, PHAM_VAN_DUNG, saved } from '#tests/unit/fixtures';
import { PLAN_CASES, unitScopeQuota, validate } from './plan-cases';

const BANG_KHEN_VI = 'Bằng khen của Chủ tịch UBND tỉnh';

// Rule 4 — Kế hoạch III.2.b "Số lượng khen thưởng".
describe('rule 4: quotas', () => {
  // Kế hoạch III.2.b: "Đối với Bằng khen của Chủ tịch UBND tỉnh: Lựa chọn không quá 01 tập thể hoặc cá nhân".
  it('III.2.b "Lựa chọn không quá 01 tập thể hoặc cá nhân": 2 selected for the Bằng khen is an error on both', () => {
    const planCase = PLAN_CASES.twoSelectedForOnePlace;
    const report = validate(planCase);
    expect(codesOf(report.issues)).toEqual(['QUOTA_EXCEEDED', 'QUOTA_EXCEEDED']);
    expect(report.issues.map((issue) => issue.nominationId)).toEqual(planCase.nominations.map((n) => n.id));
    for (const issue of report.issues) {
      expect(issue.severity).toBe('error');
      expect(issue.field).toBe('status');
      expect(issue.message.vi).toBe('Vượt chỉ tiêu Bằng khen của Chủ tịch UBND tỉnh: 2/1');
      expect(issue.message.en).toBe("Quota exceeded for Certificate of Merit of the Provincial People's Committee Chairman: 2/1");
    }
  });

  // Kế hoạch III.2.b: "Lựa chọn không quá 01" — before the council's vote more proposals than places are normal.
  // It is the form's finding, once, on no row: nothing on a candidate's row needs fixing.
  it('III.2.b "Lựa chọn không quá 01": 3 proposals for 1 Giấy khen are one warning on the form, not an error', () => {
    const report = validate(PLAN_CASES.threeCandidatesForOnePlace);
    expect(codesOf(report.issues)).toEqual(['QUOTA_MORE_CANDIDATES']);
    expect(report.issues[0]).toMatchObject({ severity: 'warning', field: 'awardForm' });
    expect(report.issues[0]!.nominationId).toBeUndefined();
    expect(report.counts).toEqual({ nominations: 3, errors: 0, warnings: 1 });
    expect(report.issues[0]!.message.vi).toBe('Giấy khen của Chánh Văn phòng: 3 đề nghị cho 1 suất, Hội đồng cần bình xét lựa chọn');
  });

  // Kế hoạch III.2.b: "Lựa chọn không quá 01" — one selected is within the quota.
  it('III.2.b "không quá 01": one selected and one not selected for the Bằng khen raise nothing', () => {
    const report = validateCampaign(ctx, [
      saved(nominateIndividual(LE_VAN_SON, { awardForm: 'BANG_KHEN_CT_UBND', status: 'selected' })),
      saved(nominateIndividual(HOANG_THI_PHUONG, { awardForm: 'BANG_KHEN_CT_UBND', status: 'not_selected' })),
    ]);
    expect(report.issues).toEqual([]);
    expect(report.quotaUsage.find((u) => u.ruleId === 'QUOTA_BANG_KHEN')).toMatchObject({ used: 1, candidates: 1, max: 1 });
  });

  // Kế hoạch III.2.b: "Lựa chọn không quá 01" — an award granted still takes the place.
  it('III.2.b "không quá 01": an awarded and a selected nomination of one form exceed the quota', () => {
    const report = validateCampaign(ctx, [
      saved(nominateIndividual(LE_VAN_SON, { status: 'awarded' })),
      saved(nominateIndividual(PHAM_VAN_DUNG, { status: 'selected' })),
    ]);
    expect(codesOf(report.issues)).toEqual(['QUOTA_EXCEEDED', 'QUOTA_EXCEEDED']);
    expect(report.issues[0]!.message.vi).toBe('Vượt chỉ tiêu Giấy khen của Chánh Văn phòng: 2/1');
  });

  // Kế hoạch III.2.b: one quota for each form — a Bằng khen and a Giấy khen selected do not share a place.
  it('III.2.b: each form has its own place: one selected for each is within the quotas', () => {
    const report = validateCampaign(ctx, [
      saved(nominateIndividual(LE_VAN_SON, { awardForm: 'BANG_KHEN_CT_UBND', status: 'selected' })),
      saved(nominateIndividual(PHAM_VAN_DUNG, { awardForm: 'GIAY_KHEN_CVP', status: 'selected' })),
    ]);
    expect(report.issues).toEqual([]);
  });

  // Kế hoạch III.2.b: "Lựa chọn không quá 01" — the plan does not say per unit or per office; a variant counts per unit.
  it('III.2.b (variant, scope unit): the cap counts per unit and names the unit in the message', () => {
    const nominations = [
      saved(nominateIndividual(LE_VAN_SON, { status: 'selected' })),
      saved(nominateIndividual(HA_VAN_HUNG, { status: 'selected' })),
      saved(nominateIndividual(PHAM_VAN_DUNG, { status: 'selected' })),
    ];
    const report = validateCampaign(unitScopeQuota, nominations);
    expect(report.issues.map((issue) => [issue.nominationId, issue.code])).toEqual([
      [nominations[0]!.id, 'QUOTA_EXCEEDED'],
      [nominations[1]!.id, 'QUOTA_EXCEEDED'],
    ]);
    expect(report.issues[0]!.message.vi).toBe('Vượt chỉ tiêu Giấy khen của Chánh Văn phòng (Phòng Tổng hợp): 2/1');
    expect(report.quotaUsage).toEqual([
      { ruleId: 'QUOTA_GIAY_KHEN', awardForm: 'GIAY_KHEN_CVP', scope: 'unit', scopeKey: 'tong-hop', max: 1, used: 2, candidates: 2 },
      { ruleId: 'QUOTA_GIAY_KHEN', awardForm: 'GIAY_KHEN_CVP', scope: 'unit', scopeKey: 'kinh-te', max: 1, used: 1, candidates: 1 },
    ]);
    // The same three under the seed's whole-office scope: 3 selected for 1 place.
    const office = validateCampaign(ctx, nominations);
    expect(codesOf(office.issues)).toEqual(['QUOTA_EXCEEDED', 'QUOTA_EXCEEDED', 'QUOTA_EXCEEDED']);
    expect(office.issues[0]!.message.vi).toBe('Vượt chỉ tiêu Giấy khen của Chánh Văn phòng: 3/1');
  });

  // Kế hoạch III.2.b: "Lựa chọn" — drafts and not-selected nominations are neither places nor candidates.
  it('III.2.b "Lựa chọn": drafts, returned and not selected nominations count neither as used nor as candidates', () => {
    const usage = computeQuotaUsage(SEED_CAMPAIGN, [
      nominateIndividual(LE_VAN_SON, { status: 'draft' }),
      nominateIndividual(HA_VAN_HUNG, { status: 'returned' }),
      nominateIndividual(PHAM_VAN_DUNG, { status: 'not_selected' }),
    ]);
    expect(usage).toEqual([
      {
        ruleId: 'QUOTA_BANG_KHEN',
        awardForm: 'BANG_KHEN_CT_UBND',
        scope: 'campaign',
        scopeKey: CAMPAIGN_SCOPE,
        max: 1,
        used: 0,
        candidates: 0,
      },
      {
        ruleId: 'QUOTA_GIAY_KHEN',
        awardForm: 'GIAY_KHEN_CVP',
        scope: 'campaign',
        scopeKey: CAMPAIGN_SCOPE,
        max: 1,
        used: 0,
        candidates: 0,
      },
    ]);
  });

  // Kế hoạch III.2.b: "Lựa chọn không quá 01" — the server refuses a save that would select a second one.
  it('III.2.b "không quá 01": the refusal of a save that would make 2/1 carries the same message', () => {
    const rule = SEED_CAMPAIGN.quotaRules.find((r) => r.awardForm === 'BANG_KHEN_CT_UBND')!;
    const refusal = quotaRefusal(ctx, rule, CAMPAIGN_SCOPE, 2);
    expect(refusal).toMatchObject({ code: 'QUOTA_EXCEEDED', severity: 'error', field: 'status' });
    expect(refusal.nominationId).toBeUndefined();
    expect(refusal.message.vi).toBe(`Vượt chỉ tiêu ${BANG_KHEN_VI}: 2/1`);
  });
});
