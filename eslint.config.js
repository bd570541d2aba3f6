// ESLint (flat config): the recommended sets of typescript-eslint, react-hooks and jsx-a11y.
// Formatting is Prettier's business (`npm run format`), so no style rules here.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.dragongate/**',
      'test-results/**',
      'playwright-report/**',
      'migrations/**',
      'coverage/**',
      'web/src/api/openapi.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['server/**', 'contracts/**', 'e2e/**', 'bench/**', 'scripts/**', 'seed/**', 'bin/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The job list holds jobs whose payload types differ (JobDefinition<any>); each parses its own payload.
    files: ['server/platform/jobs/jobs.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ['web/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    // One form pattern (web/src/forms/use-form-mutation.ts): a form's changes clear its failure
    // and end its Idempotency-Key together, so a changed body is never sent under the old key.
    files: ['web/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='onValuesChange'] MemberExpression[property.name='clearFailure']",
          message: "Give the form its mutation's onValuesChange: it clears the failure and starts a new Idempotency-Key.",
        },
      ],
    },
  },
);
