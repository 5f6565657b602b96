// ESLint (flat config). For now only the browser-compatibility check of `src/` against the
// `browserslist` in package.json (`npm run lint:compat`, part of `npm test`): a Web or ES API
// that a supported browser lacks fails the lint unless the code feature-checks it first.
import tsParser from '@typescript-eslint/parser';
import compat from 'eslint-plugin-compat';

export default [
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { compat },
    settings: {
      // ES built-ins too (Intl, Array, Promise…), not only Web APIs.
      lintAllEsApis: true,
    },
    // The source has disable comments for rules this compat-only config does not load yet.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: { 'compat/compat': 'error' },
  },
];
