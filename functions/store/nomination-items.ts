import { Nomination } from '#shared/nomination';
import { keys, withoutKeys } from './keys';
import { TABLE } from './table';

type Item = Record<string, unknown>;

/** A nomination as stored: live ones carry the index keys; a deleted one drops out of both indexes. */
export function toItem(nomination: Nomination): Item {
  // Its files' counts live beside it (file-store.ts), written by the uploads alone: never by a save.
  const { files: _files, ...stored } = nomination;
  const { PK, SK } = keys.nomination(nomination.campaignId, nomination.id);
  // The keys first, the fields spread after them: V8 copies an object spread into a literal quickly only
  // there, while a spread after another spread, or keys added after a spread, take its slow path (about
  // 50 µs an item, a quarter of a second for a 5,000-row save).
  if (nomination.deletedAt) return { PK, SK, ...stored };
  const { partitionKey, sortKey } = TABLE.byNominee;
  const byNominee = keys.nomineePrefix(nomination.nomineeKind, nomination.nomineeId) + nomination.id;
  return { PK, SK, [partitionKey]: keys.nomineeIndexPartition(nomination.campaignId), [sortKey]: byNominee, ...stored };
}

export function fromItem(item: Item): Nomination {
  return Nomination.parse(withoutKeys(item));
}
