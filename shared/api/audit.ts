import { z } from 'zod';

export const AuditAction = z.enum([
  'create',
  'update',
  'delete',
  'restore',
  'campaign.create',
  'campaign.update',
  'campaign.stage',
  'round.create',
  'round.ballots',
  'round.tally',
  'round.confirm',
  'round.annul',
  'document.issue',
  'decision.record',
  'file.upload',
  'file.delete',
  'file.restore',
]);

/** One change: who did what to which nomination, when, and each field from what to what. */
export const AuditEntry = z.object({
  at: z.string(),
  actor: z.string(),
  action: AuditAction,
  nominationId: z.string().optional(),
  changes: z.record(z.string(), z.object({ from: z.unknown().optional(), to: z.unknown().optional() })),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  nominationId: z.string().max(64).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Newest first; `nextCursor` is null on the last page. */
export const AuditPage = z.object({ entries: z.array(AuditEntry), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
