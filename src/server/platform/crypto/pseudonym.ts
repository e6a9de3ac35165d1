// Pseudonyms of the exports (decision 033): HMAC-SHA256 with a key derived from the export key over
// the municipality and the citizen's internal id. The same key and municipality give a citizen the
// same pseudonym in every export (files can be joined across exports and over time); another
// municipality or another key gives another, and without the key a pseudonym says nothing about
// the id, the CPR number or anyone. Rotating the export key unlinks every earlier export.
import { createHmac, hkdfSync } from 'node:crypto';

export type Pseudonymizer = (municipalityCode: string, citizenId: string) => string;

export function createPseudonymizer(exportKey: Buffer): Pseudonymizer {
  if (exportKey.length !== 32) throw new Error('export key must be 32 bytes');
  const key = Buffer.from(hkdfSync('sha256', exportKey, Buffer.alloc(0), 'jobvej/export/pseudonym/hmac-sha256', 32));
  return (municipalityCode, citizenId) =>
    // 20 hex digits (80 bits): no collision in any municipality's lifetime of citizens.
    `p${createHmac('sha256', key).update(`${municipalityCode}\u0000${citizenId}`, 'utf8').digest('hex').slice(0, 20)}`;
}

/** The export key when none is configured (tests, the embedded database): derived from the CPR master key. */
export function exportKeyFromCprKey(cprKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', cprKey, Buffer.alloc(0), 'jobvej/export/key', 32));
}
