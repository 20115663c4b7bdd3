import type { Campaign, CouncilSettings } from '#shared/campaign';
import type { TallyMinutes } from '#shared/api/minutes';
import { countingBoard, BOARD_HEAD } from '#shared/council/counting-board';
import { fingerprintLine } from '#shared/council/fingerprint';
import { ruleStatements } from '#shared/council/rules';
import type { IsoDate } from '#shared/dates';
import {
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

export interface TallyMinutesInput {
  campaign: Pick<Campaign, 'title' | 'office'>;
  /** The round's minutes as the tally built them (shared/council/minutes.ts): the sheet shows the same. */
  minutes: TallyMinutes;
  /** The council rules the round was opened under (roundRules). */
  rules: CouncilSettings;
  /** When the ballots were counted. */
  talliedAt: string;
  number?: number;
  /** The document's date; the day of the count by default. */
  date?: IsoDate;
}

const dashed = (text: string) => `- ${text}`;

/**
 * The Biên bản kiểm phiếu as a document: the content of the round's minutes (the sheet's, from the
 * same builder), with the counting board that counted and signs, the rules the round was opened under,
 * the count, the conclusion and the ballots' fingerprint.
 */
export function buildTallyMinutesDocument(input: TallyMinutesInput): MinutesDocument {
  const { campaign, minutes } = input;
  const counted = clockVi(input.talliedAt);
  const board = countingBoard(input.rules);
  const head = board.find((member) => member.role === BOARD_HEAD) ?? board[0];
  const others = board.filter((member) => member !== head);
  const rules = minutes.rules ?? ruleStatements(input.rules);
  const blocks: MinutesBlock[] = [
    {
      kind: 'paragraph',
      text:
        `Hồi ${counted.text}, tại ${identityOf(campaign).issuingBodyName}, Ban kiểm phiếu của ${councilName(campaign)} ` +
        `tiến hành kiểm phiếu vòng bỏ phiếu thứ ${minutes.round} bình xét khen thưởng trong ${campaign.title}.`,
    },
    { kind: 'section', text: 'I. BAN KIỂM PHIẾU' },
    ...board.map((member): MinutesBlock => ({ kind: 'paragraph', text: dashed(`${member.name}: ${member.role}.`) })),
    { kind: 'section', text: 'II. QUY CHẾ BIỂU QUYẾT ÁP DỤNG' },
    ...rules.map((rule): MinutesBlock => ({ kind: 'paragraph', text: dashed(rule.text.vi) })),
    { kind: 'section', text: 'III. KẾT QUẢ KIỂM PHIẾU' },
    ...countLines(minutes).map((line): MinutesBlock => ({ kind: 'paragraph', text: dashed(line) })),
    ...formBlocks(minutes),
    { kind: 'section', text: 'IV. KẾT LUẬN' },
    ...minutes.conclusion.map((sentence): MinutesBlock => ({ kind: 'paragraph', text: sentence })),
    ...(minutes.fingerprint ? [{ kind: 'paragraph', text: `${fingerprintLine(minutes.fingerprint)}.`, italics: true } as const] : []),
    {
      kind: 'paragraph',
      text: `Biên bản được lập xong hồi ${counted.text}, đã đọc lại cho Ban kiểm phiếu cùng nghe và nhất trí ký tên${BODY_END}`,
    },
  ];
  return {
    heading: minutesHeading(campaign, input.date ?? counted.day, input.number),
    title: minutes.title,
    subject: `Vòng bỏ phiếu thứ ${minutes.round} bình xét khen thưởng của ${councilName(campaign)}`,
    blocks,
    signatures: [
      { title: 'THÀNH VIÊN BAN KIỂM PHIẾU', names: others.map((member) => member.name) },
      { title: 'TRƯỞNG BAN KIỂM PHIẾU', names: head ? [head.name] : [] },
    ],
    recipients: minutesRecipients(campaign),
  };
}
