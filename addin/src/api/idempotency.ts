import { hashText } from './hash';

/**
 * The Idempotency-Key of every request body sent whose answer has not yet reached the sheet: its fate
 * unknown (the network dropped, 5xx after the retries), or answered but not written back (Excel failed).
 * When a later save sends the very same body again, it reuses the key, so the server answers what it did
 * the first time instead of creating the new rows twice. A different body always gets a fresh key (the
 * server refuses a key reused for another body). A definite refusal (4xx) forgets the key.
 */
export class IdempotencyMemory {
  private readonly keys = new Map<string, string>();
  private readonly settled = new Set<string>();

  constructor(private readonly capacity = 50) {}

  static digest(body: string): string {
    return hashText(body);
  }

  keyFor(digest: string): string | undefined {
    return this.keys.get(digest);
  }

  remember(digest: string, key: string): void {
    this.keys.delete(digest);
    this.settled.delete(digest);
    this.keys.set(digest, key);
    while (this.keys.size > this.capacity) this.forget(this.keys.keys().next().value!);
  }

  /** The server answered: still kept, until the answer has reached the sheet (`forgetAnswered`). */
  answered(digest: string): void {
    if (this.keys.has(digest)) this.settled.add(digest);
  }

  /** The answers are in the sheet: those bodies will not be sent again. */
  forgetAnswered(): void {
    for (const digest of this.settled) this.keys.delete(digest);
    this.settled.clear();
  }

  forget(digest: string): void {
    this.keys.delete(digest);
    this.settled.delete(digest);
  }

  get size(): number {
    return this.keys.size;
  }
}

/** A fresh random id (a session's, a save's key): the platform's UUID, or one made of the time and a random part. */
export function newUuid(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
