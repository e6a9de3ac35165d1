// Take-back throttling per hand-over session (not per IP): each take-back attempt of a
// handed-over session is counted on its row (handover_attempts, reserved before the password is
// verified); the fifth wrong password sets handover_locked_at and the session can no longer be
// taken back. The caseworker's next login ends their locked sessions (src/server/platform/auth/takeback.ts).
// The login limiter marks a reserved attempt succeeded after the right password, so the app
// role may update that one column of login_attempts.
export const name = 'handover-takeback-limit';
export const sql = `
ALTER TABLE sessions ADD COLUMN handover_attempts integer NOT NULL DEFAULT 0 CHECK (handover_attempts >= 0);
ALTER TABLE sessions ADD COLUMN handover_locked_at timestamptz;
GRANT UPDATE (succeeded) ON login_attempts TO jobvej_app;
`;
