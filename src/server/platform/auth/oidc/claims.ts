// The IdP's claims → the jobvej user they are (pure): municipality from the fixed code or the
// configured claim's value, role from the first configured group the user is in, user name and
// display name from their claims. A claim that maps to nothing is a refusal with its reason.
import type { Role } from '../../../../domain/permissions.ts';
import type { OidcProviderConfig } from './config.ts';

export type SignInRefusal = 'municipality' | 'role' | 'claims';

export interface MappedUser {
  subject: string;
  username: string;
  displayName: string;
  municipalityCode: string;
  role: Role;
}

function stringClaim(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Groups as an array of strings, or one string (some IdPs send a single group so). */
function groupsOf(claims: Record<string, unknown>, name: string): string[] {
  const value = claims[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function mapClaims(provider: OidcProviderConfig, claims: Record<string, unknown>): MappedUser | { refused: SignInRefusal } {
  const subject = stringClaim(claims, 'sub');
  if (!subject) return { refused: 'claims' };
  let municipalityCode: string | undefined;
  if ('code' in provider.municipality) {
    municipalityCode = provider.municipality.code;
  } else {
    const value = stringClaim(claims, provider.municipality.claim);
    municipalityCode = value === undefined ? undefined : provider.municipality.values[value];
  }
  if (!municipalityCode) return { refused: 'municipality' };
  const groups = new Set(groupsOf(claims, provider.claims.groups));
  const role = provider.roles.find((r) => groups.has(r.group))?.role;
  if (!role) return { refused: 'role' };
  const name = stringClaim(claims, provider.claims.username) ?? subject;
  // The user name is unique across jobvej: the provider's id keeps two IdPs' "anna" apart, and the
  // colon, which local user names cannot hold (src/contract/users.ts), keeps it from any local account.
  const username = `${provider.id}:${name.toLowerCase()}`.slice(0, 200);
  const displayName = (stringClaim(claims, provider.claims.displayName) ?? name).slice(0, 200);
  return { subject, username, displayName, municipalityCode, role };
}
