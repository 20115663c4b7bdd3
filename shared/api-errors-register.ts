import type { Localized } from './localized';

/**
 * The award register's refusals (issue 11): a decision entered by hand and the history imported, spread
 * into API_ERRORS (shared/api-errors.ts) so that every code stays in the one list.
 */
export const REGISTER_ERRORS = {
  DECISION_FORM_UNKNOWN: {
    status: 422,
    vi: 'Hình thức khen thưởng của quyết định không có trong kế hoạch của Đợt thi đua',
    en: "The decision's award form is not one of the campaign's",
  },
  DECISION_FORM_OFFICE: {
    status: 422,
    vi: 'Quyết định về hình thức này do Văn phòng ban hành: hãy ban hành nó ở mục Văn bản (Quyết định), không nhập tay',
    en: "The office issues this form's decision itself: issue it from the documents (the decision), do not enter it by hand",
  },
  DECISION_NOT_SELECTED: {
    status: 409,
    vi: 'Có đề nghị chưa được Hội đồng chọn cho hình thức khen thưởng này (hoặc đã được khen thưởng, đã xóa): chỉ ghi quyết định cho các đề nghị "Được chọn" của đúng hình thức',
    en: 'Some nominations are not selected by the council for this award form (or are already awarded, or deleted): a decision records only nominations selected for its form',
  },
  REGISTER_SUBJECT_REQUIRED: {
    status: 400,
    vi: 'Hãy chọn một cán bộ, một đơn vị, hoặc nhập họ tên cần tra cứu',
    en: 'Choose a staff member or a unit, or type the name to look up',
  },
} as const satisfies Record<string, { status: number } & Localized>;
