import { db } from '#functions/store/client';

/**
 * A Lambda cut short, for the integration tests: the handlers' own DynamoDB client (one per process,
 * functions/store/client.ts; the test API's handlers share this file's) lets the `after`th
 * TransactWriteItems from now be written, then fails the request as a timeout would: what that
 * transaction wrote stays, nothing after it runs, and the request answers 500.
 *
 *   const crash = crashAfterTransactions(3);
 *   expect((await confirm()).status).toBe(500);
 *   crash.remove();
 */
export function crashAfterTransactions(after: number): { remove(): void; written(): number } {
  const name = `crashAfterTransactions-${Math.random().toString(36).slice(2)}`;
  let written = 0;
  const stack = db().doc.middlewareStack;
  stack.add(
    (next) => async (args) => {
      const isTransaction = Array.isArray((args.input as { TransactItems?: unknown }).TransactItems);
      const output = await next(args);
      if (isTransaction && (written += 1) === after) throw new Error(`injected fault: the request stopped after transaction ${after}`);
      return output;
    },
    { step: 'initialize', name },
  );
  return { remove: () => void stack.remove(name), written: () => written };
}
