/**
 * One case per finding of the plan's rules: the nominations a unit or the HR office could really send,
 * and the rule code each must produce. The rule tests assert the details of these cases; the coverage
 * test checks that together they produce every code of RULE_MESSAGES that the rules can produce.
 */
import { DEMO_UNITS, validateCampaign, type Nomination, type RuleCode, type RuleContext, type ValidationReport } from '#shared/index';
import {
  campaignVariant,
  contextWith,
  ctx,
  dossierWithout,
  completeDossier,
  HOANG_THI_PHUONG,
  LE_VAN_SON,
  nominateCollective,
  nominateIndividual,
  PHAM_VAN_DUNG,
  PHONG_KINH_TE,
  PHONG_TONG_HOP,
  saved,
  UNDER_DISCIPLINE,
} from '#tests/unit/fixtures';

export interface PlanCase {
  /** The rule's number in the README's table of the plan's rules (1–9). */
  rule: number;
  /** The line of the plan (or of the law where the plan is silent) the case comes from. */
  source: string;
  ctx: RuleContext;
  nominations: Nomination[];
  /** The code the case must produce. */
  produces: RuleCode;
}

export function validate(planCase: PlanCase): ValidationReport {
  return validateCampaign(planCase.ctx, planCase.nominations);
}

/** Rule 3 variant: a campaign whose Giấy khen goes to individuals only. */
const giayKhenForIndividualsOnly = contextWith({
  campaign: campaignVariant((campaign) => {
    campaign.awardForms[1]!.nomineeKinds = ['individual'];
  }),
});

/** Rule 4 variant: the cap counted per unit instead of for the whole office. */
export const unitScopeQuota = contextWith({
  campaign: campaignVariant((campaign) => {
    for (const rule of campaign.quotaRules) rule.scope = 'unit';
  }),
});

/** Rule 9 for a collective: a registry in which Phòng Kinh tế is under investigation. */
const kinhTeUnderInvestigation = contextWith({
  units: DEMO_UNITS.map((u) => (u.id === PHONG_KINH_TE.id ? { ...u, underDiscipline: true } : u)),
});

export const PLAN_CASES = {
  // Rule 1 — Kế hoạch II.2: "Từ ngày 01/10/2024 đến hết ngày 30/9/2025".
  documentBeforeLaunch: {
    rule: 1,
    source: 'II.2 "Từ ngày 01/10/2024 đến hết ngày 30/9/2025"',
    ctx,
    nominations: [
      saved(
        nominateIndividual(LE_VAN_SON, {
          dossier: { ...completeDossier(), BIEN_BAN_HOP_XET: { present: true, number: '03/BB-TH', date: '2024-09-30' } },
        }),
      ),
    ],
    produces: 'DATE_OUTSIDE_PERIOD',
  },
  // Rule 2 — Kế hoạch II.3: "Tập thể gồm: Các phòng, ban, đơn vị trực thuộc Văn phòng".
  unknownUnit: {
    rule: 2,
    source: 'II.3 "Các phòng, ban, đơn vị trực thuộc Văn phòng"',
    ctx,
    nominations: [saved(nominateIndividual(LE_VAN_SON, { unitId: 'phong-khong-co' }))],
    produces: 'UNIT_UNKNOWN',
  },
  // Rule 2 — Kế hoạch II.3: "Cá nhân gồm: Toàn thể cán bộ, công chức, viên chức, người lao động trong Văn phòng".
  unknownNominee: {
    rule: 2,
    source: 'II.3 "Toàn thể cán bộ, công chức, viên chức, người lao động trong Văn phòng"',
    ctx,
    nominations: [saved(nominateIndividual(LE_VAN_SON, { nomineeId: 'cb-999' }))],
    produces: 'NOMINEE_UNKNOWN',
  },
  // Rule 2 — Kế hoạch III.2.a: "Các phòng, ban, đơn vị xem xét lựa chọn tập thể, cá nhân" (their own).
  individualOfAnotherUnit: {
    rule: 2,
    source: 'III.2.a "Các phòng, ban, đơn vị xem xét lựa chọn tập thể, cá nhân"',
    ctx,
    nominations: [saved(nominateIndividual(PHAM_VAN_DUNG, { unitId: PHONG_TONG_HOP.id }))],
    produces: 'NOMINEE_OTHER_UNIT',
  },
  collectiveOtherThanNominatingUnit: {
    rule: 2,
    source: 'III.2.a "Các phòng, ban, đơn vị xem xét lựa chọn tập thể, cá nhân"',
    ctx,
    nominations: [saved(nominateCollective(PHONG_KINH_TE, { unitId: PHONG_TONG_HOP.id }))],
    produces: 'NOMINEE_OTHER_UNIT',
  },
  // Rule 3 — Kế hoạch III.2.a: "đề nghị tặng Giấy khen của Chánh Văn phòng" / "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh".
  unknownAwardForm: {
    rule: 3,
    source: 'III.2.a "Hình thức khen thưởng"',
    ctx,
    nominations: [saved(nominateIndividual(LE_VAN_SON, { awardForm: 'HUAN_CHUONG_LAO_DONG' }))],
    produces: 'AWARD_FORM_UNKNOWN',
  },
  awardFormNotForThisKind: {
    rule: 3,
    source: 'III.2.a "lựa chọn tập thể, cá nhân ... đề nghị tặng Giấy khen" (variant: individuals only)',
    ctx: giayKhenForIndividualsOnly,
    nominations: [saved(nominateCollective(PHONG_TONG_HOP))],
    produces: 'AWARD_FORM_KIND_NOT_ALLOWED',
  },
  // Rule 4 — Kế hoạch III.2.b: "Lựa chọn không quá 01 tập thể hoặc cá nhân".
  twoSelectedForOnePlace: {
    rule: 4,
    source: 'III.2.b "Đối với Bằng khen của Chủ tịch UBND tỉnh: Lựa chọn không quá 01 tập thể hoặc cá nhân"',
    ctx,
    nominations: [
      saved(nominateIndividual(LE_VAN_SON, { awardForm: 'BANG_KHEN_CT_UBND', status: 'selected' })),
      saved(nominateCollective(PHONG_KINH_TE, { awardForm: 'BANG_KHEN_CT_UBND', status: 'selected' })),
    ],
    produces: 'QUOTA_EXCEEDED',
  },
  threeCandidatesForOnePlace: {
    rule: 4,
    source: 'III.2.b "Đối với Giấy khen của Chánh Văn phòng: Lựa chọn không quá 01 tập thể hoặc cá nhân"',
    ctx,
    nominations: [
      saved(nominateIndividual(LE_VAN_SON, { status: 'eligible' })),
      saved(nominateIndividual(PHAM_VAN_DUNG, { status: 'eligible' })),
      saved(nominateCollective(PHONG_TONG_HOP, { status: 'submitted' })),
    ],
    produces: 'QUOTA_MORE_CANDIDATES',
  },
  // Rule 5 — Kế hoạch III.2.c: "Thành phần hồ sơ khen thưởng, gồm: ... Báo cáo thành tích".
  dossierWithoutAchievementReport: {
    rule: 5,
    source: 'III.2.c "Báo cáo thành tích của các tập thể, cá nhân được đề nghị khen thưởng (Mẫu số 08 ...)"',
    ctx,
    nominations: [saved(nominateIndividual(LE_VAN_SON, { dossier: dossierWithout('BAO_CAO_THANH_TICH') }))],
    produces: 'DOSSIER_INCOMPLETE',
  },
  proposalLetterWithoutNumber: {
    rule: 5,
    source: 'III.2.c "Tờ trình đề nghị khen thưởng của các phòng, ban, đơn vị"',
    ctx,
    nominations: [
      saved(nominateIndividual(LE_VAN_SON, { dossier: { ...completeDossier(), TO_TRINH: { present: true, date: '2025-09-15' } } })),
    ],
    produces: 'DOSSIER_DOCUMENT_DETAILS_MISSING',
  },
  // Rule 5 with the dossier's scans (issue 11): a campaign that asks for files counts a document only with one.
  documentWithoutScan: {
    rule: 5,
    source: 'III.2.c "Thành phần hồ sơ khen thưởng" (issue 11: a document counts when its file is attached)',
    ctx: contextWith({ campaign: campaignVariant((draft) => void (draft.dossierFilesRequired = true)) }),
    nominations: [saved(nominateIndividual(LE_VAN_SON, { dossier: completeDossier() }))],
    produces: 'DOSSIER_FILE_MISSING',
  },
  // Rule 6 — Kế hoạch IV.1: "gửi hồ sơ ... về phòng Hành chính tổ chức - Quản trị tài vụ trước ngày 01/10/2025".
  receivedOnFirstOctober: {
    rule: 6,
    source: 'IV.1 "gửi hồ sơ đề nghị khen thưởng ... trước ngày 01/10/2025"',
    ctx,
    nominations: [saved(nominateIndividual(LE_VAN_SON, { receivedDate: '2025-10-01' }))],
    produces: 'LATE_SUBMISSION',
  },
  eligibleWithoutReceivedDate: {
    rule: 6,
    source: 'IV.1 "gửi hồ sơ ... về phòng Hành chính tổ chức - Quản trị tài vụ trước ngày 01/10/2025"',
    ctx,
    nominations: [saved(nominateIndividual(LE_VAN_SON, { status: 'eligible', receivedDate: undefined }))],
    produces: 'RECEIVED_DATE_MISSING',
  },
  // Rule 7 — Kế hoạch III.1 "Tiêu chuẩn khen thưởng" and II.4 the movements.
  noCriterionStated: {
    rule: 7,
    source: 'III.1 "Tiêu chuẩn khen thưởng"',
    ctx,
    nominations: [saved(nominateIndividual(LE_VAN_SON, { criteriaMet: [] }))],
    produces: 'CRITERIA_MISSING',
  },
  collectiveMeetsOnlySomeCriteria: {
    rule: 7,
    source:
      'III.1 "Đối với tập thể: Ban hành kế hoạch kịp thời và triển khai ... có báo cáo tổng kết ... Có những công trình ...; có thành tích xuất sắc ..."',
    ctx,
    nominations: [saved(nominateCollective(PHONG_TONG_HOP, { criteriaMet: ['TT_KE_HOACH'] }))],
    produces: 'CRITERIA_PARTLY_MET',
  },
  criterionNotInPlan: {
    rule: 7,
    source: 'III.1 "Tiêu chuẩn khen thưởng"',
    ctx,
    nominations: [saved(nominateIndividual(LE_VAN_SON, { criteriaMet: ['CN_CHIEN_SI_THI_DUA'] }))],
    produces: 'CRITERION_UNKNOWN',
  },
  collectiveCriterionForAnIndividual: {
    rule: 7,
    source: 'III.1 "Đối với tập thể: Ban hành kế hoạch kịp thời ..." / "Đối với cá nhân: Có hành động, việc làm ..."',
    ctx,
    nominations: [saved(nominateIndividual(LE_VAN_SON, { criteriaMet: ['TT_KE_HOACH'] }))],
    produces: 'CRITERION_WRONG_KIND',
  },
  movementNotInPlan: {
    rule: 7,
    source: 'II.4 "Tích cực hưởng ứng các phong trào thi đua do Trung ương và tỉnh phát động, cụ thể: ..."',
    ctx,
    nominations: [saved(nominateIndividual(LE_VAN_SON, { movements: ['PHONG_TRAO_KHAC'] }))],
    produces: 'MOVEMENT_UNKNOWN',
  },
  noAchievements: {
    rule: 7,
    source: 'III.2.c "Biên bản ... phân tích làm rõ thành tích của tập thể, cá nhân đáp ứng theo tiêu chuẩn"',
    ctx,
    nominations: [saved(nominateIndividual(LE_VAN_SON, { achievements: '  ' }))],
    produces: 'ACHIEVEMENTS_MISSING',
  },
  // Rule 8 (Luật Thi đua, khen thưởng; the plan itself has no line for it).
  sameNomineeForBothForms: {
    rule: 8,
    source: 'Rule 8 "One achievement, one award" (law, not the plan\'s text)',
    ctx,
    nominations: [
      saved(nominateIndividual(HOANG_THI_PHUONG, { awardForm: 'GIAY_KHEN_CVP' })),
      saved(nominateIndividual(HOANG_THI_PHUONG, { awardForm: 'BANG_KHEN_CT_UBND' })),
    ],
    produces: 'DUPLICATE_NOMINEE',
  },
  // Rule 9 (Luật Thi đua, khen thưởng; the plan itself has no line for it).
  individualUnderDiscipline: {
    rule: 9,
    source: 'Rule 9 "No award while the nominee is under discipline" (law, not the plan\'s text)',
    ctx,
    nominations: [saved(nominateIndividual(UNDER_DISCIPLINE))],
    produces: 'NOMINEE_UNDER_DISCIPLINE',
  },
  collectiveUnderInvestigation: {
    rule: 9,
    source: 'Rule 9 "No award while the nominee is under discipline" (law, not the plan\'s text)',
    ctx: kinhTeUnderInvestigation,
    nominations: [saved(nominateCollective(PHONG_KINH_TE))],
    produces: 'NOMINEE_UNDER_DISCIPLINE',
  },
} satisfies Record<string, PlanCase>;

export type PlanCaseName = keyof typeof PLAN_CASES;
