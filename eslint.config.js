// Lint for the library and its tests: typescript-eslint, and the Lit and web-component rules
// (eslint-plugin-lit, eslint-plugin-wc), and for src/ the browser-compatibility check against the
// `browserslist` in package.json (a Web or ES API that a supported browser lacks fails unless the
// code feature-checks it first; `npm run lint:compat` also proves that check still reports).
// Template bindings are type-checked by lit-analyzer (`npm run lint`), formatting is Prettier's
// (`npm run format`), so no style rule lives here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import compat from 'eslint-plugin-compat';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'custom-elements.json', 'integrations/**/build/**', 'test/integration/**/dist/**'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended, lit.configs['flat/recommended'], wc.configs['flat/best-practice']],
    rules: {
      // `_unused` parameters document a hook's signature (clientChanged(_detail)).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Elements are defined through defineOnce(), which guards a second bundle on the page.
      'wc/guard-define-call': 'off',
      // Tests assert on the API's loosely typed answers.
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { compat },
    // ES built-ins too (Intl, Array, Promise…), not only Web APIs.
    settings: { lintAllEsApis: true },
    rules: { 'compat/compat': 'error' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Chai's property assertions (`expect(x).to.exist`) are expressions.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Test hosts are small throwaway elements.
      'wc/tag-name-matches-class': 'off',
    },
  },
);
