import { defineConfig } from 'vitest/config';

/**
 * One vitest run, several projects by layer. Integration tests share one real DynamoDB Local,
 * started by the global setup; each test file works in a table of its own.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/dynamodb.global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      { test: { name: 'infra', include: ['tests/infra/**/*.test.ts'], testTimeout: 240_000, hookTimeout: 240_000 } },
      // The add-in's tests: node by default; a component test opts into jsdom with `// @vitest-environment jsdom`.
      { test: { name: 'addin', include: ['tests/addin/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
