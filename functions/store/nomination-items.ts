import { Nomination } from '#shared/nomination';
import { keys, withoutKeys } from './keys';
import { TABLE } from './table';

type Item = Record<string, unknown>;

/** A nomination as stored: live ones carry the index keys; a deleted one drops out of both indexes. */
export function toItem(nomination: Nomination): Item {
  // Its files' counts live beside it (file-store.ts), written by the uploads alone: never by a save.
  const { files: _files, ...stored } = nomination;
  const item: Item = { ...keys.nomination(nomination.campaignId, nomination.id), ...stored };
  if (!nomination.deletedAt) {
    item[TABLE.byNominee.partitionKey] = keys.nomineeIndexPartition(nomination.campaignId);
    item[TABLE.byNominee.sortKey] = keys.nomineePrefix(nomination.nomineeKind, nomination.nomineeId) + nomination.id;
  }
  return item;
}

export function fromItem(item: Item): Nomination {
  return Nomination.parse(withoutKeys(item));
}
