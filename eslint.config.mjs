// ESLint (flat config) over the JavaScript of web/, demo/ and tests/: `./run test` runs it with the
// copy of eslint in tests/node_modules (a test tool; nothing from npm ships in web/). Its plugins
// are loaded from there too, so this file needs no node_modules of its own at the top.
import { createRequire } from 'node:module';

const require = createRequire(new URL('./tests/package.json', import.meta.url));
const js = require('@eslint/js');
const globals = require('globals');

// What would be a bug or a trap in this code base; style is left to review.
const rules = {
  ...js.configs.recommended.rules,
  'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none', ignoreRestSiblings: true }],
  'no-empty': ['error', { allowEmptyCatch: true }],
  eqeqeq: ['error', 'always', { null: 'ignore' }],
  'no-implied-eval': 'error',
  'no-new-func': 'error',
  'no-eval': 'error',
  'no-var': 'error',
  'prefer-const': ['error', { destructuring: 'all' }],
  'no-shadow-restricted-names': 'error',
  'no-use-before-define': ['error', { functions: false, classes: false, variables: false }],
};

export default [
  { ignores: ['**/node_modules/**', 'build/**', 'build-*/**', 'dist/**', 'web/factcard.js'] },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules,
  },
  {
    // What ships: browser code, one page script that is also its own worker. No function over
    // about 80 lines (docs/ARCHITECTURE.md).
    files: ['web/src/**/*.mjs', 'web/factcard.mjs'],
    languageOptions: { globals: { ...globals.browser, WorkerGlobalScope: 'readonly' } },
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false }],
      'max-lines': ['error', { max: 500 }],
    },
  },
  {
    // The editor's modules, assembled into one page script by demo/build-site.mjs. The same
    // limits as the widget: small files, short functions.
    files: ['demo/editor/*.mjs'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: ['demo/editor-worker.mjs'],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    // Test scripts hand functions to page.evaluate: those bodies run in the page.
    files: ['tests/**/*.mjs', 'demo/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
];
