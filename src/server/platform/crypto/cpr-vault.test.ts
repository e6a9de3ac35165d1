import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCprVault } from './cpr-vault.ts';

describe('CPR vault', () => {
  const vault = createCprVault(randomBytes(32));

  it('encrypts and decrypts (AES-256-GCM), a fresh IV each time', () => {
    const a = vault.encrypt('0101901234');
    const b = vault.encrypt('0101901234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('0101901234');
    expect(vault.decrypt(a)).toBe('0101901234');
    expect(vault.decrypt(b)).toBe('0101901234');
  });

  it('detects tampering', () => {
    const stored = vault.encrypt('0101901234');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => vault.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('hashes deterministically with a keyed hash that differs per key', () => {
    expect(vault.hash('0101901234')).toBe(vault.hash('0101901234'));
    expect(vault.hash('0101901234')).not.toBe(vault.hash('0101901235'));
    expect(createCprVault(randomBytes(32)).hash('0101901234')).not.toBe(vault.hash('0101901234'));
    expect(vault.hash('0101901234')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a key of the wrong length', () => {
    expect(() => createCprVault(randomBytes(16))).toThrow();
  });
});
