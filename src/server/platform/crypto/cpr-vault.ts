// CPR at rest: AES-256-GCM encryption and an HMAC-SHA256 keyed hash for look-ups, each with
// its own key derived (HKDF-SHA256) from the one master key.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface CprVault {
  encrypt(cpr: string): string;
  decrypt(stored: string): string;
  hash(cpr: string): string;
  /**
   * The keyed lookup hash of a CPR number's last four digits (the caseload search; migration 018),
   * with a key of its own: without the master key it says nothing about the digits.
   */
  tailHash(lastFour: string): string;
}

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}

export function createCprVault(masterKey: Buffer): CprVault {
  if (masterKey.length !== 32) throw new Error('CPR key must be 32 bytes');
  const encKey = derive(masterKey, 'jobvej/cpr/aes-256-gcm');
  const hashKey = derive(masterKey, 'jobvej/cpr/hmac-sha256');
  const tailKey = derive(masterKey, 'jobvej/cpr/last-four/hmac-sha256');
  return {
    encrypt(cpr) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(cpr, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored) {
      if (!stored.startsWith('v1:')) throw new Error('unknown CPR ciphertext version');
      const raw = Buffer.from(stored.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    hash(cpr) {
      return createHmac('sha256', hashKey).update(cpr, 'utf8').digest('hex');
    },
    tailHash(lastFour) {
      if (!/^[0-9]{4}$/.test(lastFour)) throw new Error('expected four digits');
      return createHmac('sha256', tailKey).update(lastFour, 'utf8').digest('hex');
    },
  };
}
