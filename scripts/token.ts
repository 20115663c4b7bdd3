/**
 * `npm run token -- <email> [--ttl 8h]`: a dev token for the local runner, signed with its key
 * (.local/keys, made on first use). Prints the token alone, so that
 *   TOKEN=$(npm run -s token -- tochuc@thidua.local)
 * works. --ttl takes a time span ('8h', '30m', '2 days') or seconds.
 */
import { DEFAULT_TOKEN_TTL, issueToken } from '#local/keys';

function usage(problem?: string): never {
  if (problem) console.error(problem);
  console.error('usage: npm run -s token -- <email> [--ttl 8h]   (e.g. tochuc@thidua.local; see the list npm start prints)');
  process.exit(2);
}

const args = process.argv.slice(2);
let email: string | undefined;
let ttl: string | number = DEFAULT_TOKEN_TTL;
for (let index = 0; index < args.length; index += 1) {
  const arg = args[index]!;
  if (arg === '--help' || arg === '-h') usage();
  else if (arg === '--ttl') ttl = args[++index] ?? usage('--ttl needs a value');
  else if (arg.startsWith('--ttl=')) ttl = arg.slice('--ttl='.length);
  else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
  else if (email === undefined) email = arg;
  else usage(`one e-mail only (got "${email}" and "${arg}")`);
}
if (!email) usage();
if (typeof ttl === 'string' && /^\d+$/.test(ttl)) ttl = Number(ttl);

try {
  process.stdout.write(`${await issueToken(email, { ttl })}\n`);
} catch (error) {
  console.error(`Could not make a token: ${(error as Error).message}`);
  process.exit(1);
}
