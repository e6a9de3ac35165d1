// After the take-back the caseworker's app opens at the citizen's page; the round just given back
// is remembered for that one page load, so the page goes to the caseworker's form of that round
// (instead of its top, some 1,300 px above the form).
const KEY = 'jobvej.afterTakeback';

export function rememberTakeback(roundId: string): void {
  try {
    sessionStorage.setItem(KEY, roundId);
  } catch {
    /* private mode: the page opens at its top */
  }
}

/** True once for the round given back just before (the mark is removed). */
export function takeTakeback(roundId: string): boolean {
  try {
    if (sessionStorage.getItem(KEY) !== roundId) return false;
    sessionStorage.removeItem(KEY);
    return true;
  } catch {
    return false;
  }
}
