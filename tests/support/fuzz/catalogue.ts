// The routes of an app as its onRoute hook recorded them (src/server/app.ts: `routeCatalogue`),
// with each request part's schema as JSON Schema (zod schemas converted with z.toJSONSchema).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

export interface CataloguedRoute {
  method: string | string[];
  url: string;
  schema: unknown;
  config: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalogue: CataloguedRoute[];
  }
}

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
  $ref?: string;
};

export interface FuzzRoute {
  method: string;
  url: string;
  /** `GET /api/citizens/:id` */
  key: string;
  params: JsonSchema | null;
  query: JsonSchema | null;
  body: JsonSchema | null;
  /** The route declared no body schema (its handler parses the body itself, or takes none). */
  bodyUnchecked: boolean;
  public: boolean;
  duringHandover: boolean;
  pathParams: string[];
}

function toJson(schema: unknown): JsonSchema | null {
  if (schema === undefined || schema === null) return null;
  if (schema instanceof z.ZodType) return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return schema as JsonSchema; // a plain JSON Schema
}

/** Every API route of the app, one per method (Fastify's automatic HEAD routes included: they run the GET handler). */
export function fuzzRoutes(app: FastifyInstance): FuzzRoute[] {
  const out: FuzzRoute[] = [];
  for (const route of app.routeCatalogue) {
    if (!route.url.startsWith('/api/')) continue;
    const schema = (route.schema ?? {}) as { params?: unknown; querystring?: unknown; body?: unknown };
    const config = (route.config ?? {}) as { public?: boolean; duringHandover?: boolean };
    for (const method of [route.method].flat()) {
      out.push({
        method,
        url: route.url,
        key: `${method} ${route.url}`,
        params: toJson(schema.params),
        query: toJson(schema.querystring),
        body: toJson(schema.body),
        bodyUnchecked: schema.body === undefined,
        public: config.public === true,
        duringHandover: config.duringHandover === true,
        pathParams: [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? ''),
      });
    }
  }
  return out;
}
