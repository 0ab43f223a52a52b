// @ts-check
import eslint from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.out/',
      // The Netlify and Vercel builds (the deploy tests make them).
      '.netlify/',
      '.vercel/',
      '.astro/',
      '.data/',
      'node_modules/',
      'coverage/',
      'tests/github-standin/openapi-subset.json',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Personal data must never reach a log by accident: logging goes through the stores' `log` port.
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'tests/**', 'site/server/context.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Modules that every layer imports (the languages, the reglement's terms): they import nothing
    // themselves, so no import can run back to them and close a circle.
    files: ['cases/locale.ts', 'cases/default-terms.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['*'] }] },
  },
  {
    // Code that runs in the visitor's browser.
    files: ['site/scripts/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
