// When a FIP round takes no more answers (decision 023). A round is open while either part — the
// citizen's or the caseworker's — is not complete; once both are, the round is finished (closed):
// its answers are the measurement shown on the star chart and in the progression, and a next round
// may be started. An answer that arrives after that (a device that was offline, a second tab) is
// refused as `round_closed` and never changes the finished round.

export interface RoundCompletion {
  citizenCompletedAt: Date | string | null | undefined;
  caseworkerCompletedAt: Date | string | null | undefined;
}

export function roundClosed(round: RoundCompletion): boolean {
  return round.citizenCompletedAt != null && round.caseworkerCompletedAt != null;
}
