import type { Campaign } from '#shared/campaign';
import type { VotingRound } from '#shared/api/round';
import { fingerprintLine } from '#shared/council/fingerprint';
import { signatures } from '#shared/council/minutes';
import { roundRules, thresholdStatement } from '#shared/council/rules';
import type { IsoDate } from '#shared/dates';
import {
  candidateName,
  clockVi,
  councilName,
  countLines,
  formBlocks,
  minutesHeading,
  minutesRecipients,
  type MinutesBlock,
  type MinutesDocument,
} from './council-minutes';
import { identityOf } from './decision';
import { BODY_END } from './format';

/** A round the council held, as stored: counted (its minutes and result), perhaps confirmed or annulled. */
export type HeldRound = Pick<
  VotingRound,
  'number' | 'status' | 'createdAt' | 'talliedAt' | 'confirmedAt' | 'rules' | 'annulment' | 'minutes' | 'result'
>;

export interface MeetingMinutesInput {
  campaign: Pick<Campaign, 'title' | 'office' | 'council' | 'awardForms'>;
  /** The rounds held (heldRound), in any order; at least one. */
  rounds: readonly HeldRound[];
  number?: number;
  /** The document's date; the day of the meeting (its first round) by default. */
  date?: IsoDate;
}

const dashed = (text: string): MinutesBlock => ({ kind: 'paragraph', text: `- ${text}` });
const paragraph = (text: string): MinutesBlock => ({ kind: 'paragraph', text });

/** A round's part of the minutes: who took part, the ballots, each form's tally, and how it ended. */
function roundBlocks(round: HeldRound): MinutesBlock[] {
  const minutes = round.minutes!;
  const ending: string[] = [];
  if (round.annulment) ending.push(`Kết quả vòng này đã bị hủy hồi ${clockVi(round.annulment.at).text}; lý do: ${round.annulment.reason}.`);
  else if (minutes.void && minutes.voidReason) ending.push(minutes.voidReason.text.vi);
  else if (round.status === 'confirmed') ending.push('Kết quả vòng bỏ phiếu đã được Hội đồng xác nhận.');
  return [
    { kind: 'paragraph', text: `Vòng bỏ phiếu thứ ${round.number}`, bold: true },
    ...countLines(minutes).map(dashed),
    ...formBlocks(minutes),
    ...ending.map(paragraph),
    ...(minutes.fingerprint ? [{ kind: 'paragraph', text: `${fingerprintLine(minutes.fingerprint)}.`, italics: true } as const] : []),
  ];
}

/**
 * Who the council proposes for which form voted on: the candidates its counted rounds selected, unless
 * the round was annulled or void, in the order of the rounds; a tie still open is said so.
 */
function conclusion(campaign: MeetingMinutesInput['campaign'], rounds: readonly HeldRound[]): string[] {
  const valid = rounds.filter((round) => !round.annulment && !round.minutes!.void);
  const voted = (among: readonly HeldRound[], code: string) =>
    among.flatMap((round) => round.minutes!.forms.filter((f) => f.awardForm === code));
  return campaign.awardForms.flatMap((form) => {
    if (voted(rounds, form.code).length === 0) return [];
    const entries = voted(valid, form.code);
    const chosen = entries.flatMap((entry) => entry.candidates.filter((c) => c.selected).map(candidateName));
    const lastTie = entries.at(-1)?.tie;
    const lines = [
      chosen.length > 0
        ? `Đề nghị tặng ${form.name.vi} cho ${chosen.length} tập thể, cá nhân: ${chosen.join('; ')}.`
        : `${form.name.vi}: không có tập thể, cá nhân nào được lựa chọn.`,
    ];
    if (lastTie)
      lines.push(`${form.name.vi}: ${lastTie.names.join('; ')} bằng phiếu cho ${lastTie.places} suất còn lại, cần bỏ phiếu lại.`);
    return lines;
  });
}

/**
 * The Biên bản họp Hội đồng Thi đua - Khen thưởng: when (from the rounds' opening and counting times)
 * and where (the office), who presided, who wrote it and who took part (the council's members by the
 * rules of its first round, the attendance of each round), the agenda, each round's tally, the
 * conclusion, and the secretary's and the chair's signatures.
 */
export function buildMeetingMinutes(input: MeetingMinutesInput): MinutesDocument {
  const { campaign } = input;
  const rounds = [...input.rounds].sort((a, b) => a.number - b.number);
  const first = rounds[0]!;
  const rules = roundRules(first, campaign);
  const [chair, secretary] = signatures(rules);
  const starts = clockVi(rounds.map((round) => round.createdAt).sort()[0]!);
  const ends = clockVi(
    rounds
      .flatMap((round) => [round.talliedAt ?? '', round.confirmedAt ?? ''])
      .sort()
      .at(-1)!,
  );
  const council = councilName(campaign);
  const members = first.minutes!.members;
  const blocks: MinutesBlock[] = [
    paragraph(`Thời gian bắt đầu: ${starts.text}.`),
    paragraph(`Địa điểm: ${identityOf(campaign).issuingBodyName}, ${identityOf(campaign).placeName}.`),
    paragraph(`Chủ trì: ${chair!.name || '…'}, Chủ tịch Hội đồng.`),
    paragraph(`Thư ký: ${secretary!.name || '…'}, Thư ký Hội đồng.`),
    paragraph(
      `Thành phần: ${council} gồm ${members.total} thành viên; có mặt ${members.present} thành viên, ` +
        `${members.writtenVotes} thành viên vắng mặt biểu quyết bằng văn bản (tham gia biểu quyết: ${members.participating}/${members.total}).`,
    ),
    ...rules.members.map((member) => dashed(`${member.name}, ${member.role};`)),
    { kind: 'section', text: 'NỘI DUNG CUỘC HỌP' },
    paragraph(
      `1. Thông qua quy chế biểu quyết: cuộc họp hợp lệ khi có ít nhất ${rules.quorum.numerator}/${rules.quorum.denominator} ` +
        `tổng số thành viên tham gia biểu quyết; tập thể, cá nhân được lựa chọn khi đạt số phiếu ${thresholdStatement(rules).vi}.`,
    ),
    paragraph(`2. Xem xét danh sách tập thể, cá nhân đủ điều kiện đề nghị khen thưởng trong ${campaign.title}.`),
    paragraph('3. Bỏ phiếu kín, kiểm phiếu và công bố kết quả.'),
    paragraph('4. Kết luận, thông qua biên bản cuộc họp.'),
    { kind: 'section', text: 'KẾT QUẢ BỎ PHIẾU' },
    ...rounds.flatMap(roundBlocks),
    { kind: 'section', text: 'KẾT LUẬN' },
    ...conclusion(campaign, rounds).map(paragraph),
    paragraph(`Cuộc họp kết thúc hồi ${ends.text}; biên bản đã được thông qua trước Hội đồng${BODY_END}`),
  ];
  return {
    heading: minutesHeading(campaign, input.date ?? starts.day, input.number),
    title: 'BIÊN BẢN',
    subject: `Họp ${council} xét khen thưởng`,
    blocks,
    signatures: [
      { title: 'THƯ KÝ', names: [secretary!.name] },
      { title: 'CHỦ TỊCH HỘI ĐỒNG', names: [chair!.name] },
    ],
    recipients: minutesRecipients(campaign),
  };
}
