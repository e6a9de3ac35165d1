import { readFileSync } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { AppContext } from '../app-context.ts';
import { healthResponse } from '../../contract/health.ts';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/health', { config: { public: true }, schema: { response: { 200: healthResponse } } }, async () => {
      await sql`SELECT 1`.execute(ctx.db.kysely);
      return { status: 'ok' as const, database: ctx.db.kind, version: pkg.version };
    });
  };
}
