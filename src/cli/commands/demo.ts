// `jobvej demo [--seed N] [--citizens N]`: create the demo municipalities' users and citizens;
// `--scale national [--citizens-per-municipality N] [--municipalities 101,147]`: every municipality
// at national scale, generated set-based (src/server/demo/national-scale.ts, decision 034).
import { parseArgs } from 'node:util';
import { loadCprKey } from '../../server/platform/config.ts';
import { migrate } from '../../server/platform/db/migrate.ts';
import { seedDemo } from '../../server/demo/seed.ts';
import { DEFAULT_CITIZENS_PER_MUNICIPALITY, seedNationalDemo } from '../../server/demo/national-scale.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/demo/demo-users.ts';
import { configOrReport, openConfiguredDatabase } from '../open-configured-database.ts';

export function demoLogins(): string {
  return `Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.username).join(', ')}`;
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { seed: { type: 'string' }, citizens: { type: 'string' }, scale: { type: 'string' }, 'citizens-per-municipality': { type: 'string' }, municipalities: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(
      'Usage: jobvej demo [--seed 42] [--citizens 300]\n' +
        `       jobvej demo --scale national [--citizens-per-municipality ${DEFAULT_CITIZENS_PER_MUNICIPALITY}] [--municipalities 101,607] [--seed 42]\n\n` +
        'Creates demo users and citizens (refused with NODE_ENV=production). --scale national: every municipality\n' +
        '(or those listed) with N active citizens each, a caseworker, a manager and a company consultant each\n' +
        '(caseworker@<code>, manager@<code>, company@<code>, password "demo"), for a database without demo data.',
    );
    return 0;
  }
  if (values.scale !== undefined && values.scale !== 'national') {
    console.error(`--scale: expected "national", got "${values.scale}"`);
    return 2;
  }
  const perMunicipality = values['citizens-per-municipality'];
  if (perMunicipality !== undefined && !/^[1-9][0-9]{0,5}$/.test(perMunicipality)) {
    console.error('--citizens-per-municipality: expected a whole number 1..100000');
    return 2;
  }
  if (values.municipalities !== undefined && !/^[0-9]{3}(,[0-9]{3})*$/.test(values.municipalities)) {
    console.error('--municipalities: expected comma-separated three-digit municipality codes, e.g. 101,607');
    return 2;
  }
  const config = configOrReport();
  if (!config) return 2;
  const db = await openConfiguredDatabase(config);
  try {
    await migrate(db);
    if (values.scale === 'national') return await national(db, config, values.seed, perMunicipality, values.municipalities);
    const result = await seedDemo(db, {
      cprKey: loadCprKey(config),
      ...(values.seed ? { seed: Number(values.seed) } : {}),
      ...(values.citizens ? { citizens: Number(values.citizens) } : {}),
      ...(config.NODE_ENV ? { nodeEnv: config.NODE_ENV } : {}),
    });
    console.log(result.skipped ? 'Demo data already present.' : `Created ${result.users} users, ${result.citizens} citizens, ${result.rounds} FIP rounds, ${result.offers} offers, ${result.outcomes} outcomes${result.companies ? `, ${result.companies} companies with ${result.labourNeeds ?? 0} labour needs (${result.linkedOffers ?? 0} offers linked)` : ''}.`);
    console.log(demoLogins());
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await db.close();
  }
}

async function national(
  db: Awaited<ReturnType<typeof openConfiguredDatabase>>,
  config: NonNullable<ReturnType<typeof configOrReport>>,
  seed: string | undefined,
  perMunicipality: string | undefined,
  municipalities: string | undefined,
): Promise<number> {
  const started = Date.now();
  const result = await seedNationalDemo(db, {
    cprKey: loadCprKey(config),
    ...(seed ? { seed: Number(seed) } : {}),
    ...(perMunicipality ? { citizensPerMunicipality: Number(perMunicipality) } : {}),
    ...(municipalities ? { municipalities: municipalities.split(',') } : {}),
    ...(config.NODE_ENV ? { nodeEnv: config.NODE_ENV } : {}),
    onProgress: (done, total, code) => {
      if (done === total || done % 10 === 0) console.log(`${done}/${total} municipalities (last ${code}), ${((Date.now() - started) / 1000).toFixed(0)} s`);
    },
  });
  if (result.skipped) {
    console.log('National demo data already present.');
    return 0;
  }
  console.log(
    `Created ${result.users} users, ${result.citizens} citizens in ${result.municipalities} municipalities, ${result.rounds} FIP rounds with ${result.answers} answers, ` +
      `${result.offers} offers, ${result.outcomes} outcomes, ${result.packages} packages with ${result.enrolments} enrolments in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  console.log(`Demo logins (password "demo"): caseworker@<code>, manager@<code>, company@<code> for each municipality, national@siri, admin`);
  return 0;
}
