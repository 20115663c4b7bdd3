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
      {
        test: {
          name: 'infra',
          include: ['tests/infra/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          // The Lambda bundles CDK builds (bundling.test.ts) load through Node itself, as in Lambda, not Vite.
          server: { deps: { external: [/[/\\]asset\.[0-9a-f]+[/\\]index\.mjs$/] } },
        },
      },
      // The add-in's tests: node by default; a component test opts into jsdom with `// @vitest-environment jsdom`.
      // The API they talk to is the real one (tests/support/pane-api.ts), over the run's DynamoDB Local.
      {
        test: {
          name: 'addin',
          include: ['tests/addin/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/dynamodb.global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      // End to end: Chromium (playwright-core) drives the built pane inside the stand-in Excel host
      // (tests/e2e/host) against the real API over DynamoDB Local. One file at a time: each runs a browser.
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/dynamodb.global-setup.ts', 'tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
