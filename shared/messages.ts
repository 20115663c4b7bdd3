import { formatDateVi } from './dates';

type Params = Record<string, string | number>;
type Template = { vi: (p: Params) => string; en: (p: Params) => string };

const date = (value: string | number | undefined) => (typeof value === 'string' ? formatDateVi(value) : '');

/**
 * The messages of the plan's rules, in Vietnamese (the default) and English, with the figures filled in.
 * Each code is stable: the add-in, the tests and the council's staff refer to it.
 */
export const RULE_MESSAGES = {
  // Rule 1: the period of the campaign.
  DATE_OUTSIDE_PERIOD: {
    vi: (p) => `${p.what} ngày ${date(p.date)} nằm ngoài thời gian Đợt thi đua (${date(p.start)} – ${date(p.end)})`,
    en: (p) => `${p.what} dated ${date(p.date)} is outside the campaign period (${date(p.start)} – ${date(p.end)})`,
  },
  // Rule 2: who may be nominated.
  UNIT_UNKNOWN: {
    vi: (p) => `Đơn vị "${p.unitId}" không có trong danh sách các phòng, ban, đơn vị của Văn phòng`,
    en: (p) => `Unit "${p.unitId}" is not one of the office's units`,
  },
  NOMINEE_UNKNOWN: {
    vi: (p) => `Không có ${p.kind} "${p.nomineeId}" trong danh sách của Văn phòng`,
    en: (p) => `There is no ${p.kind} "${p.nomineeId}" in the office's registry`,
  },
  NOMINEE_OTHER_UNIT: {
    vi: (p) => `${p.nomineeName} ${p.relation} (${p.unitName})`,
    en: (p) => `${p.nomineeName} ${p.relation} (${p.unitName})`,
  },
  // Rule 3: the award forms.
  AWARD_FORM_UNKNOWN: {
    vi: (p) => `Hình thức khen thưởng "${p.awardForm}" không có trong Kế hoạch`,
    en: (p) => `Award form "${p.awardForm}" is not in the plan`,
  },
  AWARD_FORM_KIND_NOT_ALLOWED: {
    vi: (p) => `${p.awardFormName} không áp dụng cho ${p.kind}`,
    en: (p) => `${p.awardFormName} is not given to ${p.kind}`,
  },
  // Rule 4: quotas.
  QUOTA_EXCEEDED: {
    vi: (p) => `Vượt chỉ tiêu ${p.awardFormName}${p.scopeName}: ${p.used}/${p.max}`,
    en: (p) => `Quota exceeded for ${p.awardFormName}${p.scopeName}: ${p.used}/${p.max}`,
  },
  QUOTA_MORE_CANDIDATES: {
    vi: (p) => `${p.awardFormName}${p.scopeName}: ${p.candidates} đề nghị cho ${p.max} suất, Hội đồng cần bình xét lựa chọn`,
    en: (p) => `${p.awardFormName}${p.scopeName}: ${p.candidates} candidates for ${p.max} place(s); the council must choose`,
  },
  // Rule 5: the dossier.
  DOSSIER_INCOMPLETE: {
    vi: (p) => `Hồ sơ thiếu ${p.document}`,
    en: (p) => `The dossier lacks the ${p.document}`,
  },
  DOSSIER_DOCUMENT_DETAILS_MISSING: {
    vi: (p) => `${p.document}: chưa ghi số hoặc ngày văn bản`,
    en: (p) => `${p.document}: its number or date is missing`,
  },
  DOSSIER_FILE_MISSING: {
    vi: (p) => `${p.document}: chưa đính kèm tệp bản quét (mục "Hồ sơ đính kèm" trên khung bên phải)`,
    en: (p) => `${p.document}: no scanned file is attached (the pane's "Hồ sơ đính kèm" section)`,
  },
  // Rule 6: the deadline.
  LATE_SUBMISSION: {
    vi: (p) => `Hồ sơ nhận ngày ${date(p.receivedDate)}, sau hạn ${date(p.deadline)}`,
    en: (p) => `Dossier received on ${date(p.receivedDate)}, after the deadline of ${date(p.deadline)}`,
  },
  RECEIVED_DATE_MISSING: {
    vi: () => `Chưa ghi ngày phòng Hành chính tổ chức - Quản trị tài vụ nhận hồ sơ`,
    en: () => `The date the HR office received the dossier is missing`,
  },
  // Rule 7: criteria and movements.
  CRITERIA_MISSING: {
    vi: () => `Chưa nêu tiêu chuẩn khen thưởng mà tập thể, cá nhân đáp ứng`,
    en: () => `No award criterion is stated as met`,
  },
  CRITERION_UNKNOWN: {
    vi: (p) => `Tiêu chuẩn "${p.criterion}" không có trong Kế hoạch`,
    en: (p) => `Criterion "${p.criterion}" is not in the plan`,
  },
  CRITERION_WRONG_KIND: {
    vi: (p) => `Tiêu chuẩn "${p.criterion}" dành cho ${p.criterionKind}, không dành cho ${p.kind}`,
    en: (p) => `Criterion "${p.criterion}" is for ${p.criterionKind}, not ${p.kind}`,
  },
  CRITERIA_PARTLY_MET: {
    vi: (p) => `Kế hoạch yêu cầu ${p.kind} đáp ứng đủ các tiêu chuẩn; còn thiếu: ${p.missing}`,
    en: (p) => `The plan asks ${p.kind} to meet every criterion; missing: ${p.missing}`,
  },
  MOVEMENT_UNKNOWN: {
    vi: (p) => `Phong trào thi đua "${p.movement}" không có trong Kế hoạch`,
    en: (p) => `Emulation movement "${p.movement}" is not in the plan`,
  },
  ACHIEVEMENTS_MISSING: {
    vi: () => `Chưa tóm tắt thành tích`,
    en: () => `The achievements are not summarised`,
  },
  // Rule 8: one achievement, one award.
  DUPLICATE_NOMINEE: {
    vi: (p) => `${p.nomineeName} được đề nghị ${p.count} lần trong Đợt thi đua (một thành tích chỉ khen một lần)`,
    en: (p) => `${p.nomineeName} is nominated ${p.count} times in this campaign (one achievement, one award)`,
  },
  // Rule 8 against the award register: the earlier decision is named.
  AWARDED_IN_CAMPAIGN: {
    vi: (p) =>
      `${p.nomineeName} đã được tặng ${p.awardFormName} trong Đợt thi đua này theo Quyết định số ${p.decisionNumber} ngày ${date(p.decisionDate)} (một thành tích chỉ khen một lần)`,
    en: (p) =>
      `${p.nomineeName} was already awarded the ${p.awardFormName} in this campaign by decision ${p.decisionNumber} of ${date(p.decisionDate)} (one achievement, one award)`,
  },
  AWARDED_SAME_PERIOD: {
    vi: (p) =>
      `${p.nomineeName} đã được tặng ${p.awardFormName} cho thành tích cùng thời kỳ (${date(p.start)} – ${date(p.end)}) theo Quyết định số ${p.decisionNumber} ngày ${date(p.decisionDate)} (một thành tích chỉ khen một lần)`,
    en: (p) =>
      `${p.nomineeName} was already awarded the ${p.awardFormName} for the same period (${date(p.start)} – ${date(p.end)}) by decision ${p.decisionNumber} of ${date(p.decisionDate)} (one achievement, one award)`,
  },
  // The award register's history sheet.
  HISTORY_UNMATCHED: {
    vi: (p) =>
      `Không tìm thấy "${p.name}" (${p.unit}) trong danh sách Cán bộ, Đơn vị: khen thưởng được lưu theo họ tên và đơn vị như đã nhập`,
    en: (p) => `"${p.name}" (${p.unit}) is not in the staff or units registry: the award is kept by the name and unit as typed`,
  },
  // Rule 9: discipline.
  NOMINEE_UNDER_DISCIPLINE: {
    vi: (p) => `${p.nomineeName} đang bị xem xét kỷ luật, điều tra hoặc có khiếu nại chưa giải quyết: chưa khen thưởng`,
    en: (p) => `${p.nomineeName} is under discipline, investigation or an unresolved complaint: no award`,
  },
  // The status flow.
  RETURN_REASON_MISSING: {
    vi: () => `Trả lại hồ sơ cần ghi lý do`,
    en: () => `A returned nomination needs a reason`,
  },
  NOMINATION_TAKEN_OVER: {
    vi: () => `Phòng Hành chính tổ chức - Quản trị tài vụ đã tiếp nhận đề nghị này; thay đổi chưa được lưu. Hãy tải lại bảng`,
    en: () => `The HR office has taken this nomination over; the change was not saved. Reload the sheet`,
  },
  NOMINATION_BEING_DECIDED: {
    vi: (p) =>
      `Hội đồng đang ghi kết quả vòng bỏ phiếu ${p.round} vào đề nghị này; thay đổi chưa được lưu. Hãy chờ ít phút, tải lại bảng rồi lưu lại`,
    en: (p) =>
      `The council is writing round ${p.round}'s result onto this nomination; the change was not saved. Wait a minute, reload the sheet and save again`,
  },
  NOT_ELIGIBLE: {
    vi: (p) =>
      `Chưa thể xét "Đủ điều kiện": ${p.problems}. Hãy hoàn thiện hồ sơ; chỉ quản trị viên được xét ngoại lệ, ghi lý do ở cột "Lý do xét ngoại lệ"`,
    en: (p) =>
      `Cannot be found eligible: ${p.problems}. Complete the dossier; only an administrator may make an exception, with the reason in the "Lý do xét ngoại lệ" column`,
  },
  SUBMISSION_INCOMPLETE: {
    vi: (p) => `Chưa gửi được đề nghị: ${p.problems}. Hãy bổ sung rồi gửi lại`,
    en: (p) => `The nomination cannot be submitted yet: ${p.problems}. Complete it, then submit again`,
  },
} satisfies Record<string, Template>;

export type RuleCode = keyof typeof RULE_MESSAGES;

/** Names of the nominee kinds inside messages. */
export const NOMINEE_KIND_NAMES = {
  collective: { vi: 'tập thể', en: 'a collective' },
  individual: { vi: 'cá nhân', en: 'an individual' },
} as const;
