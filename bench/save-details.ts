/** The save bench's details of one size: where the time of each save went. */
import { int, ms, profileTable, table } from './report';
import type { FullSave, SizeResult } from './save-machinery';

export function printDetails(result: SizeResult): void {
  const n = int(result.n);
  const lastRun = result.runs.http.length > 1 ? `the last of ${result.runs.http.length} runs, ` : '';
  console.log(`\n=== ${n} rows: where the time goes ===`);
  console.log(
    `\nValidation result of the full save: ${int(result.summary.saved)} saved, ${int(result.summary.errors)} errors, ${int(result.summary.warnings)} warnings; issues by code: ${
      Object.entries(result.issueCodes)
        .map(([code, count]) => `${code} ×${int(count)}`)
        .join(', ') || 'none'
    }`,
  );
  console.log(
    `Payloads: request ${(result.http.requestBytes! / 1e6).toFixed(2)} MB, response ${(result.http.responseBytes! / 1e6).toFixed(2)} MB as sent (gzip when over 256 KB); stored nomination items ~${Math.round(result.floor.itemBytes / result.floor.items)} bytes of JSON each`,
  );
  const phaseRows = (save: FullSave, what: string) =>
    (save.phases ?? []).map((phase, index) => [
      `${what}, batch ${index + 1} (${int(phase.rows)} rows)`,
      ms(phase.beforeWritesMs),
      ms(phase.writesMs),
      ms(phase.afterWritesMs),
      ms(phase.totalMs),
    ]);
  console.log(
    `\nEach batch split at its first and last BatchWriteItem (${lastRun ? lastRun.replace(/, $/, '') : 'one run'}; floor of all ${int(result.floor.items)} items: ${ms(result.floor.profile.wallMs)}):`,
  );
  console.log(
    table(
      [...phaseRows(result.http, 'HTTP'), ...phaseRows(result.inProcess, 'in-process')],
      ['', 'before writes', 'writes', 'after writes', 'batch total'],
    ),
  );
  console.log(
    `\nFull save over HTTP (${result.batches} batch${result.batches > 1 ? 'es' : ''}), ${lastRun}${ms(result.http.profile.wallMs)} wall:`,
  );
  console.log(profileTable(result.http.profile));
  console.log(
    `\nFull save in-process (saveBatch), ${lastRun}${ms(result.inProcess.profile.wallMs)} wall (zod parse of the batches, not included: ${ms(result.inProcess.parseMs!)}):`,
  );
  console.log(profileTable(result.inProcess.profile));
  console.log(`\nFloor (plain BatchWriteItem, 25 items a request, 8 in flight), ${lastRun}${ms(result.floor.profile.wallMs)} wall:`);
  console.log(profileTable(result.floor.profile));
  const single = result.singleHttp;
  console.log(`\nOne changed row over HTTP, ${single.sample.times.length} saves, per save (median ${ms(single.sample.median)}):`);
  console.log(profileTable(single.profile, single.sample.times.length));
  console.log(`\nThe median save's DynamoDB requests in order (ms from the POST):`);
  console.log(
    table(
      single.timeline.map((t) => [
        t.label,
        t.atMs.toFixed(1),
        t.tookMs.toFixed(1),
        String(t.items),
        t.scanned !== undefined ? String(t.scanned) : '',
      ]),
      ['request', 'at', 'took', 'items', 'read'],
    ),
  );
}
