// `jobvej demo [--seed N] [--citizens N]`: create the demo municipalities' users and citizens.
import { parseArgs } from 'node:util';
import { loadCprKey } from '../../server/platform/config.ts';
import { migrate } from '../../server/platform/db/migrate.ts';
import { seedDemo } from '../../server/demo/seed.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/demo/demo-users.ts';
import { configOrReport, openConfiguredDatabase } from '../open-configured-database.ts';

export function demoLogins(): string {
  return `Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.username).join(', ')}`;
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { seed: { type: 'string' }, citizens: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log('Usage: jobvej demo [--seed 42] [--citizens 300]\n\nCreates demo users and citizens (refused with NODE_ENV=production).');
    return 0;
  }
  const config = configOrReport();
  if (!config) return 2;
  const db = await openConfiguredDatabase(config);
  try {
    await migrate(db);
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
