// Lint: TypeScript rules plus the one-way import boundaries of docs/ARCHITECTURE.md.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

const zones = [
  { target: './src/domain', from: './src', except: ['./domain'],
    message: 'src/domain holds pure rules: it may import nothing from other src folders (no I/O, no framework).' },
  { target: './src/stats', from: './src', except: ['./stats'],
    message: 'src/stats is pure numerics that knows nothing of jobvej: import nothing from other src folders.' },
  { target: './src/evaluation', from: './src', except: ['./evaluation', './stats', './domain'],
    message: 'src/evaluation may import only src/stats and src/domain (no server, cli or web).' },
  { target: './src/server', from: './src/web',
    message: 'The server must not import the web app; share rules through src/domain.' },
  { target: './src/server', from: './src/cli',
    message: 'The server must not import the CLI; the CLI sits on top of the server.' },
  { target: './src/contract', from: './src', except: ['./contract', './domain'],
    message: 'src/contract holds the request/response schemas: it may import only src/domain (and zod).' },
  { target: './src/web', from: './src', except: ['./web', './domain', './contract'],
    message: 'The web app may import only src/domain and src/contract (shared rules, schemas and types) and its own code.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', '.bench-data/**', 'scripts/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
);
