/**
 * The pane's first load on its own (bench/pane-load.ts): its own in-memory DynamoDB Local and local
 * API (with the runner's dev sign-in), then the loads in Chromium.
 *
 *   npm run bench:pane
 */
import { runPaneLoadBench } from './pane-load';
import { runStandalone } from './standalone';

await runStandalone('pane load', runPaneLoadBench);
