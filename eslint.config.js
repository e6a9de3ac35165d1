// Lint: TypeScript rules plus the one-way import boundaries of docs/ARCHITECTURE.md.
// tests/lint/boundaries.test.ts shows each boundary rule firing on a wrong import.
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

const zones = [
  { target: './src/domain', from: './src', except: ['./domain'],
    message: 'src/domain holds pure rules: it may import nothing from other src folders (no I/O, no framework).' },
  { target: './src/stats', from: './src', except: ['./stats'],
    message: 'src/stats is pure numerics that knows nothing of jobvej: import nothing from other src folders.' },
  { target: './src/evaluation', from: './src', except: ['./evaluation', './stats', './domain', './contract'],
    message: 'src/evaluation may import only src/stats, src/domain and src/contract (the result JSON schema; no server, cli or web).' },
  { target: './src/server', from: './src/web',
    message: 'The server must not import the web app; share rules through src/domain.' },
  { target: './src/server', from: './src/cli',
    message: 'The server must not import the CLI; the CLI sits on top of the server.' },
  { target: './src/contract', from: './src', except: ['./contract', './domain'],
    message: 'src/contract holds the request/response schemas: it may import only src/domain (and zod).' },
  { target: './src/web', from: './src', except: ['./web', './domain', './contract'],
    message: 'The web app may import only src/domain and src/contract (shared rules, schemas and types) and its own code.' },
  { target: './src/web', from: './src/domain/permissions.ts',
    message: 'The web app does not evaluate permissions: the server sends the abilities (the session, each resource); read them with src/web/lib/abilities.ts.' },
  ...webZones(),
];

/**
 * Inside the server: src/server/platform (db, http, auth, audit, crypto, config) imports no
 * resource, and its db imports nothing of its http; a resource (src/server/<resource>: routes,
 * commands, queries, presenter) imports the platform, src/domain, src/contract and another
 * resource only through that resource's index.ts, as do app.ts and demo/. Resource folders are
 * read from disk, so a new resource is covered without an edit here.
 */
function serverZones() {
  const resources = readdirSync(`${ROOT}src/server`, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'platform' && d.name !== 'demo')
    .map((d) => d.name)
    .sort();
  return [
    { target: './src/server/platform', from: './src/server', except: ['./platform'],
      message: 'src/server/platform (db, http, auth, audit, crypto) serves every resource: it imports no resource, nor app.ts or demo/.' },
    { target: './src/server/platform/db', from: './src/server/platform/http',
      message: 'src/server/platform/db must not import http: the database knows nothing of requests or problem+json.' },
    ...resources.flatMap((r) => [
      ...resources.filter((o) => o !== r).map((o) => ({
        target: `./src/server/${r}`, from: `./src/server/${o}`, except: ['./index.ts'],
        message: `A server resource (here ${r}) imports another resource (${o}) only through its index.ts.` })),
      { target: `./src/server/${r}`, from: ['./src/server/app.ts', './src/server/demo'],
        message: `A server resource (here ${r}) must not import app.ts or demo/: they sit on top of the resources.` },
    ]),
    ...resources.map((o) => ({
      target: ['./src/server/app.ts', './src/server/demo'], from: `./src/server/${o}`, except: ['./index.ts'],
      message: `app.ts and demo/ import a resource (here ${o}) only through its index.ts.` })),
  ];
}

/**
 * Inside the web app: a feature (src/web/features/<f>) imports neither src/web/app (the shell,
 * the route table) nor another feature, and the shared folders import neither; what two places
 * need lives in src/web/lib (hooks, routing, labels) or src/web/components (UI). One pair of
 * zones per feature folder, read from disk, so a new feature is covered without an edit here.
 */
function webZones() {
  const features = readdirSync(`${ROOT}src/web/features`, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return [
    ...features.flatMap((f) => [
      { target: `./src/web/features/${f}`, from: './src/web/app',
        message: `A web feature (here ${f}) must not import src/web/app (shell, route table): take shared hooks and routing (hrefFor, navigate, useUiLang, the session) from src/web/lib.` },
      { target: `./src/web/features/${f}`, from: './src/web/features', except: [`./${f}`],
        message: `Web features do not import each other (here ${f}): move what both need to src/web/lib (logic) or src/web/components (UI).` },
    ]),
    { target: ['./src/web/lib', './src/web/components', './src/web/i18n'], from: ['./src/web/app', './src/web/features'],
      message: 'src/web/lib, src/web/components and src/web/i18n are shared by the features: they import no feature and not src/web/app.' },
  ];
}

/**
 * Pure folders: no Node built-ins and no process.env (configuration is read at the edge, in
 * src/cli and src/server, and passed in). src/evaluation/readers (file I/O) and
 * src/evaluation/parallel (worker threads; JOBVEJ_THREADS, which the server's evaluation worker
 * relies on too) are the evaluation's boundary to the runtime and exempt, as are tests and
 * their helpers.
 */
const PURE_FOLDERS = ['src/domain', 'src/stats', 'src/contract', 'src/evaluation'];
const PURE_EXEMPT = ['src/evaluation/readers/**', 'src/evaluation/parallel/**', 'src/evaluation/testing/**', 'src/stats/test-utils.ts', '**/*.test.ts'];
const NO_NODE = 'Pure folders (src/domain, src/stats, src/contract, src/evaluation outside readers/ and parallel/) import no Node built-in: file and thread access belong in src/evaluation/readers, src/evaluation/parallel, src/server or src/cli.';
const ONE_QUERY_PER_KEY =
  'A server read is declared once, in src/web/lib/queries.ts (its key and its fetcher together): use queries.x(...) and shape the data with select. Two fetchers under one key once blanked a page.';
const QUERY_HOOK = 'CallExpression[callee.name=/^use(Query|Queries|SuspenseQuery|SuspenseQueries|InfiniteQuery|SuspenseInfiniteQuery)$/]';

const NO_ENV = 'Pure folders read no process.env: read configuration in src/cli or src/server and pass it in as an argument.';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', '.bench-data/**', 'scripts/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...zones, ...serverZones()], basePath: ROOT }],
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // A server test builds the whole app (app.ts) or reaches into a resource's files to set up a
    // case: the server's internal zones hold for its code, not its tests.
    files: ['src/server/**/*.test.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones, basePath: ROOT }] },
  },
  {
    files: PURE_FOLDERS.map((f) => `${f}/**/*.{ts,tsx,js,mjs}`),
    ignores: PURE_EXEMPT,
    rules: {
      'no-restricted-imports': ['error', {
        paths: builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: NO_NODE })),
        patterns: [{ group: ['node:*'], message: NO_NODE }],
      }],
      'no-restricted-syntax': ['error',
        { selector: "ImportExpression[source.value=/^node:/]", message: NO_NODE }],
      'no-restricted-properties': ['error',
        { object: 'process', property: 'env', message: NO_ENV },
        { object: 'globalThis', property: 'process', message: NO_ENV }],
    },
  },
  {
    // The caseworkers' app reads the server through one registry of queries (src/web/lib/queries.ts).
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/lib/queries.ts', 'src/web/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: `${QUERY_HOOK} Property[key.name='queryKey']:not([value.type='CallExpression'][value.callee.object.name='queries'])`, message: ONE_QUERY_PER_KEY },
        { selector: `CallExpression[callee.name=/^use(Query|Queries|SuspenseQuery|SuspenseQueries)$/] Property[key.name='queryFn']`, message: ONE_QUERY_PER_KEY }],
    },
  },
);
