import { z } from 'zod';
import { NomineeKind } from '#shared/campaign';
import { Localized } from '#shared/localized';
import { BallotsFingerprint, InvalidReason, VoidReasonCode } from './tally';

/**
 * The tally minutes (biên bản kiểm phiếu) as data: what the council signs, in Vietnamese, with every
 * figure already formatted. The Excel layer lays it out; nothing here decides anything the tally did not.
 */
export const MinutesCandidate = z.object({
  /** 1, 2, … within the award form, most votes first. */
  order: z.int(),
  nominationId: z.string(),
  name: z.string(),
  nomineeKind: NomineeKind,
  unitName: z.string(),
  female: z.boolean(),
  votes: z.int(),
  /** Of the base, Vietnamese style: "66,67%". */
  percent: z.string(),
  passed: z.boolean(),
  selected: z.boolean(),
  tied: z.boolean(),
});
export type MinutesCandidate = z.infer<typeof MinutesCandidate>;

export const MinutesForm = z.object({
  awardForm: z.string(),
  awardFormName: z.string(),
  places: z.int(),
  candidates: z.array(MinutesCandidate),
  selectedNames: z.array(z.string()),
  tie: z.object({ names: z.array(z.string()), places: z.int(), votes: z.int(), femaleNames: z.array(z.string()) }).optional(),
});
export type MinutesForm = z.infer<typeof MinutesForm>;

export const MinutesSignature = z.object({
  role: z.enum(['chair', 'secretary']),
  title: z.string(),
  /** From the council's members by role; empty when the council names no one in that role. */
  name: z.string(),
});
export type MinutesSignature = z.infer<typeof MinutesSignature>;

/** One rule of the count as the minutes state it, in both languages (the sheet is written in Vietnamese). */
export const RuleStatement = z.object({
  code: z.enum(['SOURCE', 'QUORUM', 'THRESHOLD', 'WRITTEN_VOTES', 'MARK', 'BALLOTS']),
  text: Localized,
});
export type RuleStatement = z.infer<typeof RuleStatement>;

export const TallyMinutes = z.object({
  title: z.string(),
  /** "Hội đồng Thi đua – Khen thưởng" and the issuer of the campaign. */
  council: z.string(),
  issuer: z.string(),
  campaignTitle: z.string(),
  round: z.int(),
  /** dd/MM/yyyy */
  date: z.string(),
  /** The heading as Nghị định 30/2020 sets it: "Số:      /BB-VP", "Bắc Kạn, ngày 02 tháng 10 năm 2025" (absent on older minutes). */
  numberLine: z.string().optional(),
  placeAndDate: z.string().optional(),
  members: z.object({ total: z.int(), present: z.int(), writtenVotes: z.int(), participating: z.int(), required: z.int() }),
  ballots: z.object({ issued: z.int(), collected: z.int(), valid: z.int(), invalid: z.int() }),
  invalidReasons: z.array(z.object({ reason: InvalidReason, label: z.string(), count: z.int() })),
  /** The threshold as the rules put it, e.g. "trên 50% tổng số thành viên Hội đồng". */
  threshold: z.string(),
  /** The rules the round was counted by (those it was opened under), one sentence each; absent on older minutes. */
  rules: z.array(RuleStatement).optional(),
  void: z.boolean(),
  /** Why the count is void, in both languages (the pane shows it in its own). */
  voidReason: z.object({ code: VoidReasonCode, text: Localized }).optional(),
  forms: z.array(MinutesForm),
  /** The conclusion, one Vietnamese sentence per line (an annulment's sentence first, when annulled). */
  conclusion: z.array(z.string()),
  /** Set when an administrator annulled the confirmed result: the minutes stay, marked so. */
  annulment: z.object({ at: z.string(), by: z.string(), reason: z.string() }).optional(),
  signatures: z.array(MinutesSignature),
  /** The counted ballots' fingerprint, printed so that anyone can recount and check (absent on older minutes). */
  fingerprint: BallotsFingerprint.optional(),
});
export type TallyMinutes = z.infer<typeof TallyMinutes>;
