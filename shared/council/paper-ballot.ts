import type { Campaign, CouncilSettings } from '#shared/campaign';
import { COUNCIL_NAME } from './minutes';
import type { Candidate, RoundForm } from './round';
import { roundRules } from './rules';

/**
 * The paper ballot (phiếu bầu) of a round, as the council's members mark it by hand: what it says,
 * decided here (pure), laid out and written by the add-in (addin/src/excel). Its candidates are the
 * round's, in the round's order and grouped by award form as the ballot sheet lays them out, so the
 * secretary types each paper ballot into that sheet column by column; its rule lines are the rules the
 * round was opened under (the mark, and at most the form's places), which the tally judges by.
 */
export interface PaperBallot {
  round: number;
  /** The sheet's name: beside "Phiếu bầu vòng n", where the marks are typed, not instead of it. */
  sheetName: string;
  /** "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG VĂN PHÒNG UBND TỈNH BẮC KẠN". */
  council: string;
  title: string;
  campaignTitle: string;
  /** "Vòng bỏ phiếu thứ 1". */
  roundLine: string;
  forms: PaperBallotForm[];
  /** What makes a ballot invalid, as the tally counts it. */
  notes: string[];
}

export interface PaperBallotForm {
  awardForm: string;
  /** "1. Giấy khen của Chánh Văn phòng (2 suất)". */
  heading: string;
  /** 'Đánh dấu "x" vào ô bên cạnh người được chọn, tối đa 2 người.' */
  rule: string;
  candidates: { order: number; name: string; unitName: string }[];
}

/** Excel caps a sheet's name at 31 characters: "Mẫu phiếu bầu vòng 12" is far within it. */
export const paperBallotSheetName = (round: number) => `Mẫu phiếu bầu vòng ${round}`;

/** Who a form's candidates are, for its rule line: people, collectives, or both. */
function nounFor(candidates: readonly Pick<Candidate, 'nomineeKind'>[]): string {
  const kinds = new Set(candidates.map((c) => c.nomineeKind));
  if (kinds.size > 1) return 'tập thể, cá nhân';
  return kinds.has('collective') ? 'tập thể' : 'người';
}

export function paperBallot(input: {
  campaign: Pick<Campaign, 'title' | 'issuer' | 'awardForms' | 'council'>;
  round: { number: number; candidates: readonly Candidate[]; forms: readonly RoundForm[]; rules?: CouncilSettings };
}): PaperBallot {
  const { campaign, round } = input;
  const mark = roundRules(round, campaign).voteMark;
  const forms: PaperBallotForm[] = [];
  for (const form of round.forms) {
    const candidates = round.candidates.filter((c) => c.awardForm === form.awardForm);
    if (candidates.length === 0) continue;
    const name = campaign.awardForms.find((f) => f.code === form.awardForm)?.name.vi ?? form.awardForm;
    forms.push({
      awardForm: form.awardForm,
      heading: `${forms.length + 1}. ${name} (${form.places} suất)`,
      rule: `Đánh dấu "${mark}" vào ô bên cạnh ${nounFor(candidates)} được chọn, tối đa ${form.places} ${nounFor(candidates)}.`,
      candidates: candidates.map((c, i) => ({
        order: i + 1,
        name: c.name,
        unitName: c.nomineeKind === 'individual' ? c.unitName : '',
      })),
    });
  }
  return {
    round: round.number,
    sheetName: paperBallotSheetName(round.number),
    council: `${COUNCIL_NAME} ${campaign.issuer}`.toLocaleUpperCase('vi'),
    title: 'PHIẾU BẦU',
    campaignTitle: campaign.title,
    roundLine: `Vòng bỏ phiếu thứ ${round.number}`,
    forms,
    notes: [
      `Phiếu đánh dấu nhiều hơn số suất của một hình thức khen thưởng, hoặc dùng ký hiệu khác "${mark}", là phiếu không hợp lệ.`,
      'Để trống ô của người (tập thể) không chọn; không ghi thêm tên ngoài danh sách.',
    ],
  };
}
