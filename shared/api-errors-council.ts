import type { Localized } from './localized';

/**
 * The council's refusals of a round written in several steps (issue 13: rounds of up to 1,000
 * candidates), spread into API_ERRORS (shared/api-errors.ts) so that every code stays in the one list.
 */
export const COUNCIL_ERRORS = {
  ROUND_TOO_LARGE: {
    status: 422,
    vi: 'Vòng bỏ phiếu có quá nhiều ứng viên: mỗi vòng tối đa 1.000 ứng viên; hãy bỏ phiếu theo từng hình thức khen thưởng',
    en: 'Too many candidates for one round: a round takes at most 1,000; vote one award form at a time',
  },
  ROUND_CONFIRMING: {
    status: 409,
    vi: 'Kết quả vòng bỏ phiếu đang được ghi vào các đề nghị; hãy bấm "Tiếp tục xác nhận" hoặc chờ ít phút rồi tải lại',
    en: 'The round\'s result is being written onto the nominations; press "Resume confirmation" or wait a minute and reload',
  },
  ROUND_ANNULLING: {
    status: 409,
    vi: 'Kết quả vòng bỏ phiếu đang được hủy; quản trị viên hãy bấm hủy lại để hoàn tất, hoặc chờ ít phút rồi tải lại',
    en: "The round's result is being annulled; an administrator may annul again to finish it, or wait a minute and reload",
  },
  NOMINATION_BEING_DECIDED: {
    status: 409,
    vi: 'Hội đồng đang ghi kết quả vòng bỏ phiếu vào đề nghị này; hãy chờ ít phút, tải lại rồi thao tác lại',
    en: "The council is writing a round's result onto this nomination; wait a minute, reload, then try again",
  },
} as const satisfies Record<string, { status: number } & Localized>;
