// Municipal sign-in with OpenID Connect (decision 032):
// - oidc_flows: one row per sign-in begun and not yet finished — the state (only its sha256, the
//   row's key), the nonce, the PKCE verifier and the sha256 of a random value in the browser's
//   flow cookie (so a callback completes only in the browser that began it). In the database, not
//   in a process, so the callback may reach another process than the start; single use (deleted on
//   the callback) and ten minutes long;
// - oidc_identities: which user an identity provider's subject is (issuer and `sub`: the stable
//   key, never the user name, which the IdP may change); written when a user is provisioned on
//   their first sign-in;
// - oidc_sessions: the ID token a session was signed in with, for the RP-initiated logout's
//   id_token_hint; it goes with its session.
// Sign-in runs before there is a tenant (like sessions and login_attempts): no row-level security.
export const name = 'oidc-sign-in';
export const sql = `
CREATE TABLE oidc_flows (
  state_hash text PRIMARY KEY,
  provider_id text NOT NULL,
  browser_hash text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_flows_expires_idx ON oidc_flows (expires_at);

CREATE TABLE oidc_identities (
  issuer text NOT NULL,
  subject text NOT NULL,
  user_id uuid NOT NULL UNIQUE REFERENCES users(id),
  provider_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (issuer, subject)
);

CREATE TABLE oidc_sessions (
  session_id uuid PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
  provider_id text NOT NULL,
  id_token text NOT NULL
);

GRANT SELECT, INSERT, DELETE ON oidc_flows TO jobvej_app;
GRANT SELECT, INSERT ON oidc_identities TO jobvej_app;
GRANT SELECT, INSERT, DELETE ON oidc_sessions TO jobvej_app;
`;
