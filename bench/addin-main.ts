/**
 * The add-in bench on its own (bench/addin.ts): its own in-memory DynamoDB Local and local API (with
 * the runner's dev sign-in), then the saves in the stand-in Excel host.
 *
 *   npx tsx bench/addin-main.ts
 */
import { runAddinBench } from './addin';
import { runStandalone } from './standalone';

await runStandalone('add-in', runAddinBench);
