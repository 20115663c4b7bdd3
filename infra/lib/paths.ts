import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root, found from this file rather than from process.cwd(), so that bundling finds
 * the same entries and lock file whether the CLI, vitest or an editor runs the app.
 */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
