// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Who may import whom (the architecture, enforced):
 * - main/contract: the shared contract; imports nothing of ours but itself, no Node, no Electron.
 * - main/kube: pure Kubernetes logic (columns, selectors), shared by the simulator and the views.
 * - renderer: main (the contract) with `import type` only, except main/kube, which is pure and
 *   shared at run time (AGE must tick in the page); never Node or Electron.
 * - preload: the contract only, plus Electron.
 * - Only main/electron may import Electron: everything else runs in plain Node.
 */
const restrict = (patterns, paths = []) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns, paths }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: restrict([{ group: ['electron'], message: 'Only main/electron may import Electron; keep the shell thin.' }]),
  },
  {
    files: ['main/contract/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'node:*'], message: 'The contract is shared with the renderer: no Node or Electron.' },
      { group: ['../*', '!../contract'], message: 'The contract imports nothing of ours but itself.' },
    ]),
  },
  {
    files: ['main/kube/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'node:*', 'fs', 'path', 'os'], message: 'main/kube is pure: it also runs in the page.' },
      { group: ['../*', '!../kube'], message: 'main/kube imports nothing of ours outside itself.' },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([
        {
          group: ['**/main/*', '**/main/**', '!**/main/kube', '!**/main/kube/**', '**/preload/**'],
          allowTypeImports: true,
          message: 'The renderer imports main and preload with `import type` only (main/kube excepted).',
        },
        { group: ['electron', 'node:*', 'fs', 'path', 'child_process'], message: 'The renderer runs in a sandboxed page: no Node, no Electron.' },
      ]),
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: restrict([{ group: ['../main/*', '!../main/contract'], message: 'The preload exposes the contract and nothing else.' }]),
  },
);
