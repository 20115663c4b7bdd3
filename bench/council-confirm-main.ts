/**
 * The council confirmation bench on its own (bench/council-confirm.ts), on a DynamoDB Local and local
 * API of its own.
 *
 *   npx tsx bench/council-confirm-main.ts
 */
import { runConfirmBench } from './council-confirm';
import { runStandalone } from './standalone';

await runStandalone('council confirmation', runConfirmBench);
