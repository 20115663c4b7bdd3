import type { ReadAs } from '#functions/store/guarded-writes';

/**
 * What a save read of each code it writes, for the writes' conditions: the stored record's version, a
 * code typed for a record not stored (nobody may make it meanwhile), or a code the save made itself.
 */
export function readAs(stored: ReadonlyMap<string, { version?: number | undefined }>, typed: Iterable<string>): (id: string) => ReadAs {
  const typedIds = new Set(typed);
  return (id) => {
    const before = stored.get(id);
    if (before) return { version: before.version };
    return typedIds.has(id) ? 'absent' : 'fresh';
  };
}
