/**
 * The org sheets' bench on its own (bench/org-sheets.ts), on a DynamoDB Local and local API of its own.
 *
 *   npx tsx bench/org-sheets-main.ts
 */
import { runOrgSheetsBench } from './org-sheets';
import { runStandalone } from './standalone';

await runStandalone('org sheets', runOrgSheetsBench);
