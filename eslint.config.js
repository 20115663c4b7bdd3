// ESLint 9 flat config: typescript-eslint's recommended rules everywhere, the React hooks and office-addin
// rules in the task pane, and rules that keep the architecture's rooms apart (see docs/architecture.md).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import officeAddins from 'eslint-plugin-office-addins';
import { builtinModules } from 'node:module';

// Parent chains are what the package.json "imports" aliases (#shared/*, #addin/*, …) replace.
const noParentChains = { regex: '^\\.\\./\\.\\./', message: 'Import through a package.json alias (#shared/*, #addin/*, …), not ../../.' };

// The office-addin plugin's recommended preset also brings its own parser, Prettier and eslint:recommended
// for every file; only its office-addins/* rules are wanted here, on the task pane's code.
const officeAddinRules = Object.fromEntries(
  officeAddins.configs.recommended.flatMap((c) => Object.entries(c.rules ?? {})).filter(([name]) => name.startsWith('office-addins/')),
);

const officeGlobals = ['Office', 'Excel', 'OfficeExtension'].map((name) => ({
  name,
  message: "Every Office.js call lives in addin/src/excel/ (sign-in's dialog in addin/src/auth/office-host.ts).",
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'cdk.out/', '.local/', 'coverage/', 'docs/'] },
  // Not type-aware: recommendedTypeChecked took 5 min 33 s here (2 cores, shared) against about 20 s
  // of CPU for this set, and reported 678 findings, 325 of them no-unsafe-member-access on tests' JSON.
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-restricted-imports': ['error', { patterns: [noParentChains] }],
      // `_name` marks a parameter or a destructured field kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['addin/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'office-addins': officeAddins },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...officeAddinRules,
      // These two know a sync only as a literal `context.sync()`; the pane syncs through excel/'s counting
      // wrapper (`sync(context)`, the benchmarks' "syncs"), so every read after a sync would be reported.
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
      'no-restricted-globals': ['error', ...officeGlobals],
    },
  },
  {
    // The two places outside excel/ that truly talk to Office: excel/ itself, and sign-in, which opens
    // Office's dialog (displayDialogAsync) and asks for nested app authentication. The boot reads the
    // global through globalThis with a loose shape, so a missing office.js is a state, not a crash.
    files: ['addin/src/excel/**/*.ts', 'addin/src/auth/office-host.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    // Components and their helpers get state and callbacks: no Office.js, no fetch.
    files: ['addin/src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...officeGlobals,
        { name: 'fetch', message: 'Components touch no fetch: the controller (app/) calls api/.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noParentChains,
            {
              regex: '^#addin/(excel|api)/',
              message: 'Components touch neither Office.js nor the API: take state and callbacks.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and benchmarks read untyped JSON answers and drive the stand-in host through loose shapes;
    // the Office.js emulators' nested proxies refer back to their owner.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-this-alias': 'off' },
  },
  {
    // The domain is pure: no I/O, no AWS, nothing from the rooms that use it.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noParentChains,
            { group: ['node:*', ...builtinModules], message: 'shared/ is pure: no Node.js I/O.' },
            { regex: '^@aws-', message: 'shared/ is pure: no AWS SDK.' },
            {
              regex: '^#(functions|addin|local|infra|bench|scripts|tests)/',
              message: 'shared/ imports nothing from the rooms that use it.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'shared/ is pure: no I/O.' }],
    },
  },
);
