import { Nomination } from '#shared/nomination';
import { keys, withoutKeys } from './keys';
import { TABLE } from './table';

type Item = Record<string, unknown>;

/** A nomination as stored: live ones carry the index keys; a deleted one drops out of both indexes. */
export function toItem(nomination: Nomination): Item {
  const item: Item = { ...keys.nomination(nomination.campaignId, nomination.id), ...nomination };
  if (!nomination.deletedAt) {
    item[TABLE.byNominee.partitionKey] = keys.nomineeIndexPartition(nomination.campaignId);
    item[TABLE.byNominee.sortKey] = keys.nomineePrefix(nomination.nomineeKind, nomination.nomineeId) + nomination.id;
  }
  return item;
}

export function fromItem(item: Item): Nomination {
  return Nomination.parse(withoutKeys(item));
}
