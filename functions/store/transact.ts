import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ApiError } from '#functions/http/errors';
import type { Db } from './client';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB takes at most 100 actions in one TransactWriteItems. */
export const TRANSACTION_LIMIT = 100;

/** Either all the actions were written, or none, with each action's cancellation reason in order. */
export type TransactOutcome = { ok: true } | { ok: false; reasons: (string | undefined)[] };

/**
 * One TransactWriteItems. A cancelled transaction is an answer, not an error: its reasons tell the
 * caller which condition failed (a stale row, a full quota) and which collided with another write.
 * The nominations' writes cut themselves into transactions that fit; only a council's round (what it
 * supersedes, what its confirmation writes) can grow past the limit, hence the refusal's code.
 */
export async function transact(db: Db, items: TransactItem[]): Promise<TransactOutcome> {
  if (items.length > TRANSACTION_LIMIT) throw new ApiError('ROUND_TOO_LARGE', { actions: items.length, max: TRANSACTION_LIMIT });
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
    return { ok: true };
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      return { ok: false, reasons: (error.CancellationReasons ?? []).map((reason) => reason.Code) };
    }
    throw error;
  }
}
