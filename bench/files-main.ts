/**
 * The dossier files' bench on its own (bench/files.ts), on a DynamoDB Local, local API and s3rver of its own.
 *
 *   npx tsx bench/files-main.ts
 */
import { runFilesBench } from './files';
import { runStandalone } from './standalone';

await runStandalone('dossier files', runFilesBench);
