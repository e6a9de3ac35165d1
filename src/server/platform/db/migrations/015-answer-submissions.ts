// Answers sent from the citizen's device carry a client id (decision 020): the same submission
// sent again (a lost response, a retry after the connection came back) is recognised and not
// applied a second time, so a retry can never overwrite what was answered or changed since.
export const name = 'answer-submissions';
export const sql = `
CREATE TABLE answer_submissions (
  round_id uuid NOT NULL,
  client_id uuid NOT NULL,
  municipality_code text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (round_id, client_id),
  FOREIGN KEY (round_id, municipality_code) REFERENCES fip_rounds (id, municipality_code) ON DELETE CASCADE
);
ALTER TABLE answer_submissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE answer_submissions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_answer_submissions ON answer_submissions
  USING (municipality_code = current_setting('jobvej.municipality', true))
  WITH CHECK (municipality_code = current_setting('jobvej.municipality', true));
GRANT SELECT, INSERT ON answer_submissions TO jobvej_app;
`;
