/**
 * The ids the sheet held after the last load or save, as kept in the workbook, headed by the campaign
 * they belong to: a sheet loaded for one campaign must never be saved into another (its ids would be
 * unknown there, and its rows would go in as new nominations).
 */
const MARKER = '@campaign:';

export function encodeKnownIds(campaignId: string, ids: readonly string[]): string[] {
  return [`${MARKER}${campaignId}`, ...ids];
}

export function decodeKnownIds(stored: readonly string[]): { campaignId?: string; ids: string[] } {
  const marker = stored.find((entry) => entry.startsWith(MARKER));
  const ids = stored.filter((entry) => !entry.startsWith(MARKER));
  return marker ? { campaignId: marker.slice(MARKER.length), ids } : { ids };
}

export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}
