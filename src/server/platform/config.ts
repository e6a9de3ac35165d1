// Environment, validated by zod at boot.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { exportKeyFromCprKey } from './crypto/pseudonym.ts';

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be base64 for exactly 32 bytes');

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Loopback by default: reachable only from this machine (or a reverse proxy on it); HOST=0.0.0.0 to listen on every interface. */
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  JOBVEJ_DATA_DIR: z.string().min(1).default('./data'),
  JOBVEJ_CPR_KEY: base64Key.optional(),
  /** The key of the exports' pseudonyms (decision 033); else one derived from the CPR master key. */
  JOBVEJ_EXPORT_KEY: base64Key.optional(),
  /** Folder whose files evaluators may pick as evaluation inputs (default <data dir>/evaluations/inbox). */
  JOBVEJ_EVALUATION_DIR: z.string().min(1).optional(),
  /** Largest evaluation upload per file, bytes (16 GiB). */
  JOBVEJ_UPLOAD_MAX_FILE_BYTES: z.coerce.number().int().positive().default(16 * 1024 ** 3),
  /** Free disk space an evaluation upload must leave on the store's file system, bytes (1 GiB). */
  JOBVEJ_UPLOAD_RESERVE_BYTES: z.coerce.number().int().min(0).default(1024 ** 3),
  /**
   * Behind a reverse proxy (nginx): the proxies whose X-Forwarded-For is believed (Fastify's
   * trustProxy: `loopback`, addresses or CIDRs, comma-separated), so that the login limit and the
   * rate limit see the client's address rather than the proxy's. Unset: no proxy is trusted.
   */
  JOBVEJ_TRUST_PROXY: z.string().min(1).optional(),
  /** The evaluation queue (decision 031): how long a claim holds unrenewed, ms (60 s), and how often each process looks for a run, ms (5 s). */
  JOBVEJ_EVALUATION_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
  JOBVEJ_EVALUATION_POLL_MS: z.coerce.number().int().min(100).default(5_000),
  /** The municipalities' identity providers: a JSON file (decision 032, docs/oidc.md). */
  JOBVEJ_OIDC_CONFIG: z.string().min(1).optional(),
  /** Local password sign-in: all (default), admin (break-glass only) or off; admin/off need NODE_ENV=production and JOBVEJ_OIDC_CONFIG. */
  JOBVEJ_LOCAL_LOGIN: z.enum(['all', 'admin', 'off']).default('all'),
  NODE_ENV: z.string().optional(),
});
export type Config = z.infer<typeof envSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/**
 * The CPR master key: JOBVEJ_CPR_KEY, or (embedded default) a key file `<dataDir>/cpr.key`
 * generated on first use with mode 600. With a database server in production the env key
 * is required, so that all processes share it.
 */
export function loadCprKey(config: Config): Buffer {
  if (config.JOBVEJ_CPR_KEY) return Buffer.from(config.JOBVEJ_CPR_KEY, 'base64');
  if (config.DATABASE_URL && config.NODE_ENV === 'production') {
    throw new Error('JOBVEJ_CPR_KEY is required with DATABASE_URL in production');
  }
  const file = join(config.JOBVEJ_DATA_DIR, 'cpr.key');
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a base64 32-byte key`);
    return key;
  }
  mkdirSync(config.JOBVEJ_DATA_DIR, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

/**
 * The export key (the exports' pseudonyms, decision 033): JOBVEJ_EXPORT_KEY, or else a key derived
 * (HKDF) from the CPR master key — what buildApp uses without one, so `jobvej serve` and
 * `jobvej export` give a citizen the same pseudonym. Setting (or changing) JOBVEJ_EXPORT_KEY
 * unlinks the exports made before.
 */
export function loadExportKey(config: Config): Buffer {
  return config.JOBVEJ_EXPORT_KEY ? Buffer.from(config.JOBVEJ_EXPORT_KEY, 'base64') : exportKeyFromCprKey(loadCprKey(config));
}
