import type { CouncilSettings } from '#shared/campaign';
import { formatDateVi, type IsoDate } from '#shared/dates';
import type { RuleStatement } from '#shared/api/minutes';
import type { VoidReason } from '#shared/api/tally';
import type { Localized } from '#shared/localized';

/**
 * The council rules a round is counted by: those in force when it was opened, kept with it, so that an
 * edit of the campaign's rules after the ballots are in changes no result. A round stored before rounds
 * kept their rules has none and falls back to the campaign's.
 */
export function roundRules(round: { rules?: CouncilSettings }, campaign: { council: CouncilSettings }): CouncilSettings {
  return round.rules ?? campaign.council;
}

/** The members a round needs to be valid: numerator/denominator of all members, rounded up. */
export function requiredMembers(rules: CouncilSettings, total = rules.members.length): number {
  return Math.ceil((rules.quorum.numerator * total) / rules.quorum.denominator);
}

const BASES: Record<CouncilSettings['threshold']['base'], Localized> = {
  members: { vi: 'tổng số thành viên Hội đồng', en: 'all council members' },
  participants: { vi: 'số thành viên tham gia biểu quyết', en: 'the members taking part' },
  valid_ballots: { vi: 'số phiếu hợp lệ', en: 'the valid ballots' },
};

/** The threshold as the rules put it: "trên 50% tổng số thành viên Hội đồng". */
export function thresholdStatement(rules: CouncilSettings): Localized {
  const { percent, comparison, base } = rules.threshold;
  const of = BASES[base];
  return comparison === '>'
    ? { vi: `trên ${percent}% ${of.vi}`, en: `more than ${percent}% of ${of.en}` }
    : { vi: `từ ${percent}% ${of.vi} trở lên`, en: `at least ${percent}% of ${of.en}` };
}

/**
 * The rules a round was counted by, one sentence each, for the minutes: which rules (those of the day the
 * round was opened, or the campaign's for a round that kept none), quorum, threshold, written votes, the
 * agreed mark, and that no more ballots may be collected than were issued.
 */
export function ruleStatements(rules: CouncilSettings, openedOn?: IsoDate): RuleStatement[] {
  const { numerator, denominator } = rules.quorum;
  const required = requiredMembers(rules);
  const threshold = thresholdStatement(rules);
  return [
    {
      code: 'SOURCE',
      text: openedOn
        ? {
            vi: `Áp dụng quy chế biểu quyết của Hội đồng tại thời điểm lập vòng bỏ phiếu (ngày ${formatDateVi(openedOn)}).`,
            en: `The council's voting rules in force when the round was opened (${formatDateVi(openedOn)}) apply.`,
          }
        : {
            vi: 'Vòng bỏ phiếu được lập trước khi quy chế được lưu theo từng vòng: áp dụng quy chế hiện hành của Đợt thi đua.',
            en: "This round was opened before rounds kept their rules: the campaign's current rules apply.",
          },
    },
    {
      code: 'QUORUM',
      text: {
        vi: `Cuộc họp hợp lệ khi có ít nhất ${numerator}/${denominator} tổng số thành viên Hội đồng tham gia biểu quyết (${required}/${rules.members.length} người).`,
        en: `Quorum: at least ${numerator}/${denominator} of all council members take part (${required} of ${rules.members.length}).`,
      },
    },
    { code: 'THRESHOLD', text: { vi: `Tỷ lệ phiếu cần đạt: ${threshold.vi}.`, en: `Votes needed to pass: ${threshold.en}.` } },
    {
      code: 'WRITTEN_VOTES',
      text: rules.allowWrittenVotes
        ? { vi: 'Phiếu biểu quyết bằng văn bản của thành viên vắng mặt: được tính.', en: 'Written votes of absent members: counted.' }
        : {
            vi: 'Phiếu biểu quyết bằng văn bản của thành viên vắng mặt: không được tính.',
            en: 'Written votes of absent members: not counted.',
          },
    },
    {
      code: 'MARK',
      text: { vi: `Ký hiệu đánh dấu hợp lệ trên phiếu: "${rules.voteMark}".`, en: `The agreed mark on a ballot: "${rules.voteMark}".` },
    },
    {
      code: 'BALLOTS',
      text: {
        vi: 'Số phiếu thu vào không được nhiều hơn số phiếu phát ra.',
        en: 'No more ballots may be collected than were issued.',
      },
    },
  ];
}

/** Why the count is void, as the minutes' conclusion and the pane say it. */
export function voidReasonText(reason: VoidReason, total: number): Localized {
  if (reason.code === 'NO_QUORUM') {
    return {
      vi:
        `Số thành viên Hội đồng tham gia biểu quyết là ${reason.participating}/${total} (cần tối thiểu ${reason.required}): ` +
        'không đủ số thành viên tham dự theo quy định, kết quả không có giá trị.',
      en: `${reason.participating} of ${total} council members took part (at least ${reason.required} needed): no quorum, the result is void.`,
    };
  }
  return {
    vi: `Số phiếu thu vào (${reason.collected}) nhiều hơn số phiếu phát ra (${reason.issued}): kết quả kiểm phiếu không có giá trị.`,
    en: `More ballots were collected (${reason.collected}) than were issued (${reason.issued}): the count is void.`,
  };
}
