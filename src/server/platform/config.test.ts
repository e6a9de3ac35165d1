import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, loadCprKey } from './config.ts';

describe('config', () => {
  it('applies defaults', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', JOBVEJ_DATA_DIR: './data' });
    expect(loadConfig({})).toMatchObject({ JOBVEJ_UPLOAD_MAX_FILE_BYTES: 16 * 1024 ** 3, JOBVEJ_UPLOAD_RESERVE_BYTES: 1024 ** 3 });
    expect(loadConfig({ HOST: '0.0.0.0', JOBVEJ_UPLOAD_MAX_FILE_BYTES: '1000' })).toMatchObject({ HOST: '0.0.0.0', JOBVEJ_UPLOAD_MAX_FILE_BYTES: 1000 });
  });

  it('names the bad variable without echoing secrets', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ JOBVEJ_CPR_KEY: 'c2hvcnQ=' })).toThrow(/JOBVEJ_CPR_KEY: must be base64 for exactly 32 bytes/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('generates a CPR key file with mode 600 and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobvej-key-'));
    try {
      const config = loadConfig({ JOBVEJ_DATA_DIR: dir });
      const key = loadCprKey(config);
      expect(key).toHaveLength(32);
      expect(statSync(join(dir, 'cpr.key')).mode & 0o777).toBe(0o600);
      expect(loadCprKey(config).equals(key)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('requires the env key with a database server in production', () => {
    expect(() => loadCprKey(loadConfig({ DATABASE_URL: 'postgres://x/y', NODE_ENV: 'production' }))).toThrow(/JOBVEJ_CPR_KEY is required/);
    const env = Buffer.alloc(32, 7).toString('base64');
    expect(loadCprKey(loadConfig({ JOBVEJ_CPR_KEY: env })).equals(Buffer.alloc(32, 7))).toBe(true);
  });
});
