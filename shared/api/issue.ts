import { z } from 'zod';
import { Localized } from '#shared/localized';
import { RULE_MESSAGES, type RuleCode } from '#shared/messages';

export const Severity = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof Severity>;

export const RuleCodeSchema = z.enum(Object.keys(RULE_MESSAGES) as [RuleCode, ...RuleCode[]]);

/** One finding of a rule: what, how bad, where (the nomination and its field), and what to tell the user. */
export const Issue = z.object({
  code: RuleCodeSchema,
  severity: Severity,
  nominationId: z.string().optional(),
  rowKey: z.string().optional(),
  /** A field of the nomination (`dossier.TO_TRINH`, `receivedDate`, …): the add-in maps it to a cell. */
  field: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: Localized,
});
export type Issue = z.infer<typeof Issue>;
