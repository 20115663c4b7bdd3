import type { ApiErrorCode } from '#shared/api-errors';
import type { Campaign } from '#shared/campaign';
import type { MinutesCandidate, MinutesForm, TallyMinutes } from '#shared/api/minutes';
import { todayInVietnam, type IsoDate } from '#shared/dates';
import type { DocumentHeading } from './decision';
import { identityOf, recipientLines } from './decision';
import { longDate, numberLine, placeAndDate } from './format';
import type { DocumentLine } from './register';

/**
 * What the council's two Biên bản share, as content: the heading, the title and its subject, the body
 * as sections, paragraphs and tables of plain text, two signature columns and the recipients. The
 * .docx writer (functions/documents/minutes-docx.ts) lays out any such document; what each says is
 * decided in tally-minutes.ts (Biên bản kiểm phiếu) and meeting-minutes.ts (Biên bản họp).
 */
export interface MinutesTable {
  /** Each column's header, share of the text's width and alignment of its cells. */
  columns: { header: string; share: number; align?: 'left' | 'center' | 'right' }[];
  rows: string[][];
}

export type MinutesBlock =
  | { kind: 'section'; text: string }
  | { kind: 'paragraph'; text: string; italics?: boolean; bold?: boolean }
  | { kind: 'table'; table: MinutesTable };

/** A signature column: the title in capitals, then each signer's name below room for the signature. */
export interface SignatureColumn {
  title: string;
  names: string[];
}

export interface MinutesDocument {
  heading: DocumentHeading;
  title: string;
  subject: string;
  blocks: MinutesBlock[];
  /** Left, then right (the decree's Biên bản: the secretary on the left, who presides on the right). */
  signatures: [SignatureColumn, SignatureColumn];
  recipients: string[];
}

/**
 * Which rounds the council held: counted, and not replaced by a newer one (an annulled count was still
 * held, and so is one whose confirmation or annulment is being written).
 */
export function heldRound(round: { status: string; talliedAt?: string }): boolean {
  return !!round.talliedAt && ['tallied', 'confirming', 'confirmed', 'annulling', 'annulled'].includes(round.status);
}

/** Why the council's minutes cannot be written yet: no round was counted. */
export function refuseCouncilMinutes(heldRounds: number): ApiErrorCode | undefined {
  return heldRounds === 0 ? 'DOCUMENT_NEEDS_TALLIED_ROUND' : undefined;
}

/** "Hội đồng Thi đua - Khen thưởng Văn phòng UBND tỉnh", as the office's documents name its council. */
export function councilName(campaign: Pick<Campaign, 'office'>): string {
  return `Hội đồng Thi đua - Khen thưởng ${identityOf(campaign).issuingBodyName}`;
}

/** The heading of a Biên bản in the office's `minutes` register (BB), numbered or with its blank. */
export function minutesHeading(campaign: Pick<Campaign, 'office'>, date: IsoDate, number?: number): DocumentHeading {
  const identity = identityOf(campaign);
  return {
    parentBody: identity.parentBody,
    issuingBody: identity.issuingBody,
    numberLine: numberLine(number, identity.abbreviations.minutes, identity.symbol),
    placeAndDate: placeAndDate(identity.placeName, date),
  };
}

/** A council's minutes go to its members and the file: "- Thành viên Hội đồng …;" "- Lưu: VT, HCQT." */
export function minutesRecipients(campaign: Pick<Campaign, 'office'>): string[] {
  return recipientLines([`Thành viên ${councilName(campaign)}`], identityOf(campaign).filingUnit);
}

/** An instant as the minutes say it, in Vietnam (UTC+7): "08 giờ 30 phút, ngày 02 tháng 10 năm 2025". */
export function clockVi(instant: string): { day: IsoDate; text: string } {
  const at = new Date(instant);
  const local = new Date(at.getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const day = todayInVietnam(at);
  return { day, text: `${two(local.getUTCHours())} giờ ${two(local.getUTCMinutes())} phút, ${longDate(day)}` };
}

/** A candidate as the minutes name them: an individual with their unit. */
export function candidateName(candidate: Pick<MinutesCandidate, 'name' | 'unitName' | 'nomineeKind'>): string {
  return candidate.nomineeKind === 'individual' && candidate.unitName ? `${candidate.name} (${candidate.unitName})` : candidate.name;
}

function outcome(candidate: MinutesCandidate): string {
  if (candidate.selected) return 'Được chọn';
  if (candidate.tied) return 'Bằng phiếu';
  return candidate.passed ? 'Đạt, hết suất' : 'Không đạt';
}

/** One award form's count: STT, who, votes, percentage of the base, and the outcome. */
export function formTable(form: MinutesForm): MinutesTable {
  return {
    columns: [
      { header: 'STT', share: 0.08, align: 'center' },
      { header: 'Tập thể, cá nhân', share: 0.46 },
      { header: 'Số phiếu', share: 0.13, align: 'center' },
      { header: 'Tỷ lệ', share: 0.13, align: 'center' },
      { header: 'Kết quả', share: 0.2, align: 'center' },
    ],
    rows: form.candidates.map((c) => [String(c.order), candidateName(c), String(c.votes), c.percent, outcome(c)]),
  };
}

/** The figures of a count: who took part, the ballots, why some were invalid. */
export function countLines(minutes: Pick<TallyMinutes, 'members' | 'ballots' | 'invalidReasons'>): string[] {
  const m = minutes.members;
  const k = minutes.ballots;
  return [
    `Tổng số thành viên Hội đồng: ${m.total}; có mặt: ${m.present}; biểu quyết bằng văn bản: ${m.writtenVotes}; ` +
      `tham gia biểu quyết: ${m.participating} (theo quy định cần tối thiểu ${m.required}).`,
    `Số phiếu phát ra: ${k.issued}; số phiếu thu vào: ${k.collected}; số phiếu hợp lệ: ${k.valid}; số phiếu không hợp lệ: ${k.invalid}.`,
    ...minutes.invalidReasons.map((reason) => `Phiếu không hợp lệ do ${lowerFirst(reason.label)}: ${reason.count} phiếu.`),
  ];
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/** Each form of a count: its name and places, then its table. */
export function formBlocks(minutes: Pick<TallyMinutes, 'forms'>): MinutesBlock[] {
  return minutes.forms.flatMap((form, i): MinutesBlock[] => [
    { kind: 'paragraph', text: `${i + 1}. ${form.awardFormName} (số suất: ${form.places})`, bold: true },
    { kind: 'table', table: formTable(form) },
  ]);
}

/**
 * The candidates the minutes list, one line per nomination (its rows of every round, in order): the
 * register compares them with the last generation's to say what changed.
 */
export function candidateLines(rounds: readonly Pick<TallyMinutes, 'round' | 'forms'>[]): DocumentLine[] {
  const lines = new Map<string, DocumentLine>();
  for (const minutes of rounds) {
    for (const form of minutes.forms) {
      for (const c of form.candidates) {
        const row = `Vòng ${minutes.round}, ${form.awardFormName}: ${c.votes} phiếu (${c.percent}), ${outcome(c)}`;
        const line = lines.get(c.nominationId);
        if (line) line.text += `; ${row}`;
        else lines.set(c.nominationId, { key: c.nominationId, name: candidateName(c), text: row });
      }
    }
  }
  return [...lines.values()];
}
