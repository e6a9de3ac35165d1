// The municipalities' identity providers (decision 032): a JSON file named by JOBVEJ_OIDC_CONFIG,
// validated here at boot (a wrong file stops the start with the field named), and the local
// sign-in policy (JOBVEJ_LOCAL_LOGIN). See docs/oidc.md for the file's fields.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MUNICIPAL_ROLES, type Role } from '../../../../domain/permissions.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or http on this machine only (the tests' local provider, a developer's). */
const url = z.string().refine((value) => {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname));
  } catch {
    return false;
  }
}, 'must be an https:// URL (http:// only on 127.0.0.1 or localhost)');

const municipalityCode = z.string().regex(/^[0-9]{3}$/, 'must be a three-digit municipality code');
const municipalRole = z.enum(MUNICIPAL_ROLES as [Role, ...Role[]]);

const provider = z
  .object({
    /** In URLs (/api/auth/oidc/<id>/start) and the audit rows. */
    id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lower-case letter, then letters, digits and dashes (at most 40)'),
    /** The identity provider's name as the button says it: "Log ind med <label>". */
    label: z.string().min(1).max(80),
    issuer: url,
    clientId: z.string().min(1),
    /** Or clientSecretEnv: the name of an environment variable holding it (keeps the secret out of the file). */
    clientSecret: z.string().min(1).optional(),
    clientSecretEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).optional(),
    redirectUri: url,
    /** Where the IdP sends the browser after the RP-initiated logout (registered with the IdP). */
    postLogoutRedirectUri: url.optional(),
    scope: z.string().regex(/(^| )openid( |$)/, 'must include openid').default('openid profile'),
    /** The municipality: fixed, or read from a claim whose values map to codes. */
    municipality: z.union([
      z.object({ code: municipalityCode }).strict(),
      z.object({ claim: z.string().min(1), values: z.record(z.string(), municipalityCode).refine((v) => Object.keys(v).length > 0, 'must map at least one value') }).strict(),
    ]),
    claims: z
      .object({
        username: z.string().min(1).default('preferred_username'),
        displayName: z.string().min(1).default('name'),
        groups: z.string().min(1).default('groups'),
      })
      .strict()
      .default({ username: 'preferred_username', displayName: 'name', groups: 'groups' }),
    /** Group → role, in order: the first of the user's groups found here gives the role. */
    roles: z.array(z.object({ group: z.string().min(1), role: municipalRole }).strict()).min(1),
  })
  .strict()
  .refine((p) => (p.clientSecret === undefined) !== (p.clientSecretEnv === undefined), { message: 'give exactly one of clientSecret and clientSecretEnv', path: ['clientSecret'] });

export const oidcFileSchema = z
  .object({ providers: z.array(provider).min(1) })
  .strict()
  .refine((file) => new Set(file.providers.map((p) => p.id)).size === file.providers.length, { message: 'provider ids must be unique', path: ['providers'] });

export type OidcProviderConfig = z.infer<typeof provider> & { clientSecret: string };

/**
 * Who may sign in with a local password: `all` (the default: the embedded default, demo), `admin`
 * (break-glass: only the national administrator's local account) or `off`. `admin` and `off` need
 * NODE_ENV=production and a configured provider, so no one is locked out of a laptop install.
 */
export const LOCAL_LOGIN = ['all', 'admin', 'off'] as const;
export type LocalLogin = (typeof LOCAL_LOGIN)[number];

export interface SignInSettings {
  providers: OidcProviderConfig[];
  localLogin: LocalLogin;
}

export const NO_OIDC: SignInSettings = { providers: [], localLogin: 'all' };

/** Parse a provider file's JSON text; throws one line per problem, naming the field. */
export function parseOidcFile(text: string, env: NodeJS.ProcessEnv, source = 'JOBVEJ_OIDC_CONFIG'): OidcProviderConfig[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source}: not JSON (${(err as Error).message})`);
  }
  const parsed = oidcFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${source}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data.providers.map((p, index) => {
    const secret = p.clientSecret ?? env[p.clientSecretEnv ?? ''];
    if (!secret) throw new Error(`${source}: providers.${index}.clientSecretEnv: ${p.clientSecretEnv} is not set`);
    return { ...p, clientSecret: secret };
  });
}

export function signInSettings(opts: { oidcConfigFile?: string | undefined; localLogin?: LocalLogin | undefined; nodeEnv?: string | undefined }, env: NodeJS.ProcessEnv = process.env): SignInSettings {
  const providers = opts.oidcConfigFile ? parseOidcFile(readFileSync(opts.oidcConfigFile, 'utf8'), env) : [];
  return checkedSettings({ providers, localLogin: opts.localLogin ?? 'all' }, opts.nodeEnv);
}

export function checkedSettings(settings: SignInSettings, nodeEnv: string | undefined): SignInSettings {
  if (settings.localLogin !== 'all' && (nodeEnv !== 'production' || settings.providers.length === 0)) {
    throw new Error(`JOBVEJ_LOCAL_LOGIN=${settings.localLogin} needs NODE_ENV=production and JOBVEJ_OIDC_CONFIG with a provider`);
  }
  return settings;
}
