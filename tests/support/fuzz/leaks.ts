// What no response may show: a stack trace, an internal path, SQL or a database error. The
// request's own strings are cut out of the body first (a 400 may echo what was sent).
const STACK = [/\n\s+at [^\n]*:\d+:\d+/, /\bat [\w.<>$]+ \([^)]*:\d+:\d+\)/, /\b(?:TypeError|RangeError|ReferenceError|SyntaxError): /];
const PATHS = [/node_modules/, /\/src\/(?:server|domain|evaluation|stats|contract)\//, /file:\/\//, /\b[\w-]+\.ts:\d+/];
const SQL = [
  /\bselect\b[^"]{0,200}\bfrom\b/i, /\binsert\s+into\b/i, /\bupdate\s+"?\w+"?\s+set\b/i, /\bdelete\s+from\b/i,
  /syntax error at or near/i, /violates [\w -]*constraint/i, /\brelation "/i, /invalid input (?:syntax|value)/i, /duplicate key value/i,
  /invalid byte sequence/i, /\bpg_[a-z_]+/i, /current_setting\(/i, /\bERROR:\s/, /\bkysely\b/i, /\bSQLSTATE\b/i, /\bjobvej_app\b/,
];

export function leaksIn(body: string, sent: readonly string[], status: number): string[] {
  let text = body;
  const own = [...new Set(sent.filter((s) => s.length >= 3))].sort((a, b) => b.length - a.length);
  for (const s of own) {
    text = text.split(s).join('');
    const escaped = JSON.stringify(s).slice(1, -1);
    if (escaped !== s) text = text.split(escaped).join('');
  }
  const found: string[] = [];
  const scan = (patterns: RegExp[], what: string) => {
    for (const p of patterns) {
      const m = p.exec(text);
      if (m) found.push(`${what} (${p}): …${text.slice(Math.max(0, m.index - 60), m.index + 80)}…`);
    }
  };
  scan(STACK, 'stack trace');
  scan(PATHS, 'internal path');
  // Stored data may hold SQL-looking text a client wrote earlier (a company called "DELETE FROM");
  // error bodies hold none of it, so SQL is looked for in errors only.
  if (status >= 400) scan(SQL, 'SQL or database error');
  if (text.includes(process.cwd())) found.push(`internal path: the server's working directory ${process.cwd()}`);
  return found;
}
