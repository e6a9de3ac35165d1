// jobvej command line entry: `jobvej <command> [args]`. Each command lives in
// src/cli/commands/<name>.ts and exports `run(argv: string[]): Promise<number>` (exit code).
const commands: Record<string, { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<number> }> }> = {
  serve: { summary: 'serve the web app and API (PORT, DATABASE_URL, JOBVEJ_DATA_DIR)', load: () => import('./commands/serve.ts') },
  migrate: { summary: 'apply database migrations', load: () => import('./commands/migrate.ts') },
  demo: { summary: 'create the demo municipalities, users and citizens', load: () => import('./commands/demo.ts') },
  timeliness: { summary: 'deadline rules per municipality as of a date (--as-of YYYY-MM-DD [--municipality CODE] [--json])', load: () => import('./commands/timeliness.ts') },
  audit: { summary: 'verify the audit chain, or checkpoint its head (verify [--from ID] | checkpoint)', load: () => import('./commands/audit.ts') },
  evaluate: { summary: 'impact evaluation on register files (persons.csv, weeks.csv)', load: () => import('./commands/evaluate.ts') },
  backup: { summary: 'the database into one file, without the CPR key (--out FILE; pg_dump custom format or PGlite dump)', load: () => import('./commands/backup.ts') },
  restore: { summary: 'a backup into an empty database; needs the CPR key it was made with (--from FILE)', load: () => import('./commands/restore.ts') },
  export: { summary: 'pseudonymised export with codebook (--what answers|citizens|offers|outcomes|all --municipality CODE --format csv|xlsx --out DIR)', load: () => import('./commands/export.ts') },
  'fip-validity': { summary: 'FIP item validity: employment within 6 months on each item and index (answers.csv, outcomes.csv)', load: () => import('./commands/fip-validity.ts') },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: jobvej <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "jobvej <command> --help" for a command's options.`;
}

const [name, ...rest] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h') {
  console.log(usage());
  process.exit(name ? 0 : 1);
}
const command = commands[name];
if (!command) {
  console.error(`Unknown command "${name}".\n\n${usage()}`);
  process.exit(2);
}
const code = await (await command.load()).run(rest);
if (code !== 0) process.exitCode = code;
export {};
