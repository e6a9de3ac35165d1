// The import boundaries of eslint.config.js fire on a deliberately wrong import and stay quiet on
// a legal one: small code strings linted through ESLint's Node API as if they were files at the
// given paths (the files need not exist; what they import does, so the resolver finds it).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BOUNDARY_RULES = ['import-x/no-restricted-paths', 'no-restricted-imports', 'no-restricted-properties', 'no-restricted-syntax'];

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The boundary messages ESLint reports for code placed at filePath (relative to the root). */
async function boundaryMessages(filePath: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${filePath}`, warnIgnored: true });
  if (!result) throw new Error('no lint result');
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${filePath}: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.filter((m) => m.ruleId !== null && BOUNDARY_RULES.includes(m.ruleId)).map(({ ruleId, message }) => ({ ruleId, message }));
}

async function expectFires(filePath: string, code: string, ruleId: string, message: string): Promise<void> {
  const messages = await boundaryMessages(filePath, code);
  expect(messages, `${filePath}: ${code}`).toContainEqual({ ruleId, message: expect.stringContaining(message) as string });
}

async function expectPasses(filePath: string, code: string): Promise<void> {
  expect(await boundaryMessages(filePath, code), `${filePath}: ${code}`).toEqual([]);
}

const FEATURES = readdirSync(`${ROOT}src/web/features`, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('web features import neither src/web/app nor each other', () => {
  it('has feature folders to check', () => {
    expect(FEATURES).toEqual(expect.arrayContaining(['caseload', 'citizen', 'packages']));
  });

  it.each(FEATURES)('%s importing src/web/app is refused', async (feature) => {
    await expectFires(
      `src/web/features/${feature}/components/Fixture.tsx`,
      "import { App } from '../../../app/App.tsx';\nexport const x = App;\n",
      'import-x/no-restricted-paths',
      `A web feature (here ${feature}) must not import src/web/app`,
    );
  });

  it.each(FEATURES)('%s importing another feature is refused', async (feature) => {
    const other = feature === 'caseload' ? 'citizen' : 'caseload';
    await expectFires(
      `src/web/features/${feature}/components/Fixture.tsx`,
      `import { ${other === 'citizen' ? 'useCitizen as y' : 'useCitizens as y'} } from '../../${other}/api.ts';\nexport const x = y;\n`,
      'import-x/no-restricted-paths',
      `Web features do not import each other (here ${feature})`,
    );
  });

  it('src/web/lib and src/web/components importing a feature or the app are refused', async () => {
    const message = 'src/web/lib, src/web/components and src/web/i18n are shared by the features';
    await expectFires('src/web/lib/fixture.ts', "import { useCitizen } from '../features/citizen/api.ts';\nexport const x = useCitizen;\n", 'import-x/no-restricted-paths', message);
    await expectFires('src/web/components/ui/Fixture.tsx', "import { routes } from '../../app/routes.tsx';\nexport const x = routes;\n", 'import-x/no-restricted-paths', message);
  });

  it('a feature may import its own code, src/web/lib, src/web/components and src/domain; the app may import features', async () => {
    await expectPasses(
      'src/web/features/caseload/components/Fixture.tsx',
      [
        "import { useCitizens } from '../api.ts';",
        "import { hrefFor } from '../../../lib/router.ts';",
        "import { useMe } from '../../../lib/session.ts';",
        "import { Loading } from '../../../components/ui/Loading.tsx';",
        "import { isIsoDate } from '../../../../domain/dates.ts';",
        'export const x = [useCitizens, hrefFor, useMe, Loading, isIsoDate];',
        '',
      ].join('\n'),
    );
    await expectPasses('src/web/app/Fixture.tsx', "import { CaseloadPage } from '../features/caseload/components/CaseloadPage.tsx';\nexport const x = CaseloadPage;\n");
  });
});

describe('pure folders import no Node built-in and read no process.env', () => {
  const NODE = 'Pure folders (src/domain, src/stats, src/contract, src/evaluation outside readers/ and parallel/) import no Node built-in';
  const ENV = 'Pure folders read no process.env';

  it('src/domain importing node:fs or fs is refused', async () => {
    await expectFires('src/domain/fixture.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'no-restricted-imports', NODE);
    await expectFires('src/domain/fip/fixture.ts', "import { join } from 'path';\nexport const x = join;\n", 'no-restricted-imports', NODE);
  });

  it('src/evaluation importing node:worker_threads outside parallel/, or node:fs dynamically, is refused', async () => {
    await expectFires('src/evaluation/design/fixture.ts', "import { Worker } from 'node:worker_threads';\nexport const x = Worker;\n", 'no-restricted-imports', NODE);
    await expectFires('src/contract/fixture.ts', "export const x = () => import('node:fs');\n", 'no-restricted-syntax', NODE);
  });

  it('src/stats reading process.env is refused, however it is spelled', async () => {
    await expectFires('src/stats/fixture.ts', 'export const x = process.env.JOBVEJ_THREADS;\n', 'no-restricted-properties', ENV);
    await expectFires('src/contract/fixture.ts', 'const { env } = process;\nexport const x = env;\n', 'no-restricted-properties', ENV);
    await expectFires('src/evaluation/fixture.ts', 'export const x = globalThis.process.env.HOME;\n', 'no-restricted-properties', ENV);
  });

  it('the runtime boundaries (readers/, parallel/, tests, server, cli) may use Node and process.env', async () => {
    await expectPasses('src/evaluation/readers/fixture.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    await expectPasses('src/evaluation/parallel/fixture.ts', "import { Worker } from 'node:worker_threads';\nexport const x = [Worker, process.env.JOBVEJ_THREADS];\n");
    await expectPasses('src/domain/fixture.test.ts', "import { readFileSync } from 'node:fs';\nexport const x = [readFileSync, process.env.HOME];\n");
    await expectPasses('src/server/fixture.ts', "import { readFileSync } from 'node:fs';\nexport const x = [readFileSync, process.env.HOME];\n");
    await expectPasses('src/cli/fixture.ts', 'export const x = process.env.JOBVEJ_THREADS;\n');
  });

  it('pure code importing pure code passes', async () => {
    await expectPasses('src/domain/fixture.ts', "import { isIsoDate } from './dates.ts';\nexport const x = isIsoDate;\n");
  });
});

describe('the web app does not evaluate permissions', () => {
  it('importing src/domain/permissions.ts from a web page is refused', async () => {
    await expectFires(
      'src/web/features/companies/components/Fixture.tsx',
      "import { can } from '../../../../domain/permissions.ts';\nexport const x = can;\n",
      'import-x/no-restricted-paths',
      'The web app does not evaluate permissions',
    );
  });
});

describe('the folder zones of docs/ARCHITECTURE.md (existing before the web and pure-folder rules)', () => {
  it.each([
    ['src/domain/fixture.ts', "import { buildApp } from '../server/app.ts';", 'src/domain holds pure rules'],
    ['src/stats/fixture.ts', "import { daysInMonth } from '../domain/dates.ts';", 'src/stats is pure numerics'],
    ['src/evaluation/fixture.ts', "import { buildApp } from '../server/app.ts';", 'src/evaluation may import only src/stats, src/domain and src/contract'],
    ['src/server/fixture.ts', "import { App } from '../web/app/App.tsx';", 'The server must not import the web app'],
    ['src/server/fixture.ts', "import { demoLogins } from '../cli/commands/demo.ts';", 'The server must not import the CLI'],
    ['src/contract/fixture.ts', "import { buildApp } from '../server/app.ts';", 'src/contract holds the request/response schemas'],
    ['src/web/features/caseload/Fixture.tsx', "import { buildApp } from '../../../server/app.ts';", 'The web app may import only src/domain and src/contract'],
  ])('%s: %s is refused', async (filePath, importLine, message) => {
    const name = /import \{ (\w+) \}/.exec(importLine)?.[1] ?? 'x';
    await expectFires(filePath, `${importLine}\nexport const x = ${name};\n`, 'import-x/no-restricted-paths', message);
  });
});

const RESOURCES = readdirSync(`${ROOT}src/server`, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'platform' && d.name !== 'demo')
  .map((d) => d.name)
  .sort();

describe('the server by resource: platform below resources, resources through their index', () => {
  it('has resource folders to check, each with an index.ts', () => {
    expect(RESOURCES).toEqual(expect.arrayContaining(['citizens', 'offers', 'packages', 'rounds']));
    for (const r of RESOURCES) expect(readdirSync(`${ROOT}src/server/${r}`), r).toContain('index.ts');
  });

  it('platform importing a resource is refused', async () => {
    await expectFires(
      'src/server/platform/http/fixture.ts',
      "import { citizenRoutes } from '../../citizens/index.ts';\nexport const x = citizenRoutes;\n",
      'import-x/no-restricted-paths',
      'src/server/platform (db, http, auth, audit, crypto) serves every resource: it imports no resource',
    );
  });

  it('platform importing app.ts is refused', async () => {
    await expectFires('src/server/platform/audit/fixture.ts', "import { buildApp } from '../../app.ts';\nexport const x = buildApp;\n", 'import-x/no-restricted-paths', 'it imports no resource, nor app.ts');
  });

  it('db importing http is refused', async () => {
    await expectFires(
      'src/server/platform/db/fixture.ts',
      "import { ApiError } from '../http/errors.ts';\nexport const x = ApiError;\n",
      'import-x/no-restricted-paths',
      'src/server/platform/db must not import http',
    );
  });

  it.each(RESOURCES)('%s importing another resource past its index.ts is refused', async (r) => {
    const other = r === 'deadlines' ? 'rounds' : 'deadlines';
    const [file, name] = other === 'deadlines' ? ['policy-store.ts', 'loadPolicies'] : ['round-presenter.ts', 'presentRounds'];
    await expectFires(
      `src/server/${r}/fixture.ts`,
      `import { ${name} } from '../${other}/${file}';\nexport const x = ${name};\n`,
      'import-x/no-restricted-paths',
      `A server resource (here ${r}) imports another resource (${other}) only through its index.ts`,
    );
  });

  it.each(RESOURCES)('%s importing app.ts is refused', async (r) => {
    await expectFires(`src/server/${r}/fixture.ts`, "import { buildApp } from '../app.ts';\nexport const x = buildApp;\n", 'import-x/no-restricted-paths', `A server resource (here ${r}) must not import app.ts or demo/`);
  });

  it('app.ts and demo/ importing a resource past its index.ts are refused', async () => {
    await expectFires('src/server/demo/fixture.ts', "import { loadPolicies } from '../deadlines/policy-store.ts';\nexport const x = loadPolicies;\n", 'import-x/no-restricted-paths', 'app.ts and demo/ import a resource (here deadlines) only through its index.ts');
    await expectFires('src/server/app.ts', "import { loadPolicies } from './deadlines/policy-store.ts';\nexport const x = loadPolicies;\n", 'import-x/no-restricted-paths', 'app.ts and demo/ import a resource (here deadlines) only through its index.ts');
  });

  it('the legal imports pass: a resource through an index, the platform, domain and contract; demo through an index', async () => {
    await expectPasses(
      'src/server/citizens/fixture.ts',
      "import { loadPolicies } from '../deadlines/index.ts';\nimport { withTenant } from '../platform/db/tenant.ts';\nimport { can } from '../../domain/permissions.ts';\nimport { citizenView } from '../../contract/citizens.ts';\nexport const x = [loadPolicies, withTenant, can, citizenView];\n",
    );
    await expectPasses('src/server/demo/fixture.ts', "import { loadPolicies } from '../deadlines/index.ts';\nexport const x = loadPolicies;\n");
    await expectPasses('src/server/platform/http/fixture.ts', "import { withTenant } from '../db/tenant.ts';\nexport const x = withTenant;\n");
  });
});

describe('the caseworkers\' app declares each server read once (src/web/lib/queries.ts)', () => {
  const header = "import { useQuery, useInfiniteQuery } from '@tanstack/react-query';\nimport { api } from '../../lib/http.ts';\nimport { queries } from '../../lib/queries.ts';\n";
  const at = 'src/web/features/caseload/lint-probe.ts';

  it('a feature giving useQuery its own key and fetcher is refused (the two shapes under one key that blanked a page)', async () => {
    await expectFires(at, `${header}export const a = () => useQuery({ queryKey: ['companies'], queryFn: () => api('GET', '/api/companies') });\n`, 'no-restricted-syntax', 'src/web/lib/queries.ts');
  });

  it('keeping the registry key but swapping in another fetcher is refused', async () => {
    await expectFires(at, `${header}export const a = () => useQuery({ ...queries.companies(), queryFn: () => api('GET', '/api/x') });\n`, 'no-restricted-syntax', 'src/web/lib/queries.ts');
  });

  it('an infinite query with a key of its own is refused', async () => {
    await expectFires(
      at,
      `${header}export const a = () => useInfiniteQuery({ queryKey: ['log'], initialPageParam: null, queryFn: () => api('GET', '/x'), getNextPageParam: () => null });\n`,
      'no-restricted-syntax',
      'src/web/lib/queries.ts',
    );
  });

  it('the registry\'s queries, shaped with select or given options, pass', async () => {
    await expectPasses(
      at,
      `${header}export const a = () => useQuery(queries.companies());\nexport const b = () => useQuery({ ...queries.companies(), select: (d) => d.companies, enabled: true });\n` +
        `export const c = (id: string) => useInfiniteQuery({ queryKey: queries.accessLogKey(id), initialPageParam: null as string | null, queryFn: ({ pageParam }) => queries.accessLogPage(id, pageParam), getNextPageParam: () => null });\n`,
    );
  });
});
