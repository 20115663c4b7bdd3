/**
 * The award register's bench on its own (bench/register.ts), on a DynamoDB Local and local API of its own.
 *
 *   npx tsx bench/register-main.ts
 */
import { runRegisterBench } from './register';
import { runStandalone } from './standalone';

await runStandalone('register', runRegisterBench);
