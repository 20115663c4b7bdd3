import { z } from 'zod';
import { IsoDate } from './dates';
import { OfficeIdentity } from './documents/identity';
import { Localized } from './localized';
import { NominationStatus } from './status';

export const NomineeKind = z.enum(['collective', 'individual']);
export type NomineeKind = z.infer<typeof NomineeKind>;

const Code = z.string().regex(/^[A-Z0-9_]{2,40}$/, 'code: A-Z, 0-9, _');

/** A legal document the campaign rests on (Kế hoạch 645/KH-UBND, Nghị định 98/2023/NĐ-CP, …). */
export const LegalReference = z.strictObject({
  ref: z.string().min(1).max(80),
  date: IsoDate.optional(),
  issuer: z.string().max(200).optional(),
  title: z.string().max(500).optional(),
});

/** Hình thức khen thưởng: who grants it and who decides (the office's council or the province). */
export const AwardForm = z.strictObject({
  code: Code,
  name: Localized,
  grantedBy: z.string().min(1).max(200),
  /** 'office': the council decides; 'province': the council proposes it to the province. */
  decidedBy: z.enum(['office', 'province']),
  nomineeKinds: z.array(NomineeKind).min(1),
});
export type AwardForm = z.infer<typeof AwardForm>;

/**
 * Số lượng khen thưởng. The plan does not say whether the cap is per unit or for the whole office,
 * so a rule carries its scope and the statuses it counts (the council's selections by default).
 */
export const QuotaRule = z.strictObject({
  id: Code,
  awardForm: Code,
  max: z.int().min(0).max(10_000),
  scope: z.enum(['campaign', 'unit']),
  countedStatuses: z.array(NominationStatus).min(1),
  /** Statuses that make a nomination a candidate for the places (before the vote). */
  candidateStatuses: z.array(NominationStatus).min(1),
});
export type QuotaRule = z.infer<typeof QuotaRule>;

/** One part of the dossier: the form name and its legal reference are configuration, not code. */
export const DossierRequirement = z.strictObject({
  code: Code,
  name: Localized,
  /** A short name for a sheet's header. */
  label: Localized.optional(),
  form: z.string().max(80).optional(),
  legalReference: z.string().max(200).optional(),
  note: Localized.optional(),
});
export type DossierRequirement = z.infer<typeof DossierRequirement>;

export const Criterion = z.strictObject({
  code: Code,
  nomineeKind: NomineeKind,
  text: Localized,
  /** A few words for a sheet's cell; the full text is in the plan. */
  label: Localized.optional(),
});
export type Criterion = z.infer<typeof Criterion>;

export const Movement = z.strictObject({ code: Code, name: Localized, label: Localized.optional() });
export type Movement = z.infer<typeof Movement>;

export const CouncilMember = z.strictObject({
  name: z.string().min(1).max(120),
  role: z.string().min(1).max(120),
});

/** Council voting rules differ between councils, so all of it is configuration with the plan's defaults. */
export const CouncilSettings = z.strictObject({
  members: z.array(CouncilMember).max(200),
  /** Quorum as a fraction of all members (2/3 by default): no quorum, no valid round. */
  quorum: z.strictObject({ numerator: z.int().min(0), denominator: z.int().min(1) }),
  threshold: z.strictObject({
    percent: z.int().min(0).max(100),
    comparison: z.enum(['>', '>=']),
    base: z.enum(['members', 'participants', 'valid_ballots']),
  }),
  allowWrittenVotes: z.boolean(),
  voteMark: z.string().min(1).max(5),
  /**
   * The counting board (Ban kiểm phiếu) that signs the Biên bản kiểm phiếu, its head first, each with
   * their role on the board ("Trưởng ban", "Thành viên"). Absent: the secretary and two members
   * (countingBoard in shared/council/counting-board.ts).
   */
  countingBoard: z.array(CouncilMember).min(1).max(10).optional(),
});
export type CouncilSettings = z.infer<typeof CouncilSettings>;

/** A campaign's id, as its URLs name it (`/campaigns/thi-dua-2025`). */
export const CampaignId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

export const Campaign = z
  .strictObject({
    id: CampaignId,
    title: z.string().min(1).max(500),
    theme: z.string().max(2000),
    documentNumber: z.string().max(80).optional(),
    /** The plan's own date (ngày ban hành Kế hoạch), beside its number. */
    documentDate: IsoDate.optional(),
    issuer: z.string().min(1).max(200),
    signer: z.string().max(200).optional(),
    legalBasis: z.array(LegalReference).min(1),
    period: z.strictObject({ start: IsoDate, end: IsoDate }),
    /** Last day a dossier may reach the HR office ("trước ngày 01/10/2025" → 2025-09-30). */
    submissionDeadline: IsoDate,
    hrUnitId: z.string().min(1).max(64),
    participants: z.strictObject({ collective: z.string().max(500), individual: z.string().max(500) }),
    awardForms: z.array(AwardForm).min(1).max(20),
    quotaRules: z.array(QuotaRule).max(40),
    dossierRequirements: z.array(DossierRequirement).max(20),
    criteria: z.array(Criterion).max(40),
    /**
     * How many of its kind's criteria a nominee must meet. The plan joins the collectives' criteria
     * with "và" (all of them) and the individuals' with "hoặc" (any one).
     */
    criteriaRule: z
      .strictObject({ collective: z.enum(['all', 'any']), individual: z.enum(['all', 'any']) })
      .default({ collective: 'all', individual: 'any' }),
    movements: z.array(Movement).max(40),
    council: CouncilSettings,
    /** The office as this campaign's documents name it; absent, the seed office's (identityOf). */
    office: OfficeIdentity.optional(),
    /** Whether a unit may submit a nomination that still has errors (the plan's default: no). */
    allowIncompleteSubmission: z.boolean().default(false),
    /**
     * A unit's dossier sent once the campaign is closed to submissions: 'flag' takes it, flagged late
     * (rule 2's LATE_SUBMISSION, which keeps it from the ballot unless an administrator overrides);
     * 'refuse' refuses it. The stage is not part of the plan: see shared/campaign-stage.ts.
     */
    lateSubmissions: z.enum(['flag', 'refuse']).default('flag'),
    /**
     * Whether a dossier's document counts as present only with a scanned file attached and its number
     * and date given (issue 11). Default false: "Có" in the sheet is enough, as before files existed.
     */
    dossierFilesRequired: z.boolean().default(false),
  })
  .superRefine((campaign, ctx) => {
    if (campaign.period.start > campaign.period.end) {
      ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: 'period ends before it starts' });
    }
    if (campaign.submissionDeadline < campaign.period.start) {
      ctx.addIssue({ code: 'custom', path: ['submissionDeadline'], message: 'deadline before the period starts' });
    }
    const forms = new Set(campaign.awardForms.map((form) => form.code));
    campaign.quotaRules.forEach((rule, index) => {
      if (!forms.has(rule.awardForm)) {
        ctx.addIssue({ code: 'custom', path: ['quotaRules', index, 'awardForm'], message: 'unknown award form' });
      }
    });
  });
export type Campaign = z.infer<typeof Campaign>;
