// The deadline policies are content (content/policies/*.json), read and validated once; the
// policy for a citizen is the one in force on the takeover date (docs/deadline-rules.md §1).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePolicy, selectPolicy, type DeadlinePolicy } from '../../domain/deadlines/index.ts';

export const DEFAULT_POLICY_DIR = fileURLToPath(new URL('../../../content/policies/', import.meta.url));

export interface PolicyStore {
  policies: readonly DeadlinePolicy[];
  /** The policy in force on the date; throws when none is (a takeover before every policy). */
  forDate(date: string): DeadlinePolicy;
}

export function loadPolicies(dir: string = DEFAULT_POLICY_DIR): PolicyStore {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
  const policies = files.map((file) => {
    const parsed = parsePolicy(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.join('; ')}`);
    return parsed.policy;
  });
  if (policies.length === 0) throw new Error(`no deadline policies in ${dir}`);
  const earliest = [...policies].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))[0] as DeadlinePolicy;
  return {
    policies,
    // Before the first policy took effect there were no rules to hold cases to; the earliest
    // policy is the closest statement of them (documented in docs/timeliness.md).
    forDate: (date) => selectPolicy(policies, date) ?? earliest,
  };
}
