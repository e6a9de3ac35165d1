// Shared by the load and soak benchmarks (bench/load): start `bin/jobvej serve` (with --workers N)
// on 127.0.0.1, log in as a demo user, run autocannon against it, and summarise latencies.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon, { type AutocannonInstance, type AutocannonResult } from 'autocannon';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Server {
  port: number;
  child: ChildProcess;
  /** Resident set size (bytes) of the serving processes: the primary and its workers. */
  rss(): number;
  stop(): Promise<void>;
}

export interface ServeOptions {
  port: number;
  workers: number;
  env: Record<string, string>;
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function rssOf(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return Number(line?.replace(/[^0-9]/g, '') ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Every process under pid (bin/jobvej → node → cluster workers). */
function tree(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap(tree)];
}

export async function startServer(opts: ServeOptions): Promise<Server> {
  const args = ['serve', ...(opts.workers > 1 ? ['--workers', String(opts.workers)] : [])];
  const child = spawn(`${ROOT}bin/jobvej`, args, {
    cwd: ROOT,
    env: { ...process.env, ...opts.env, HOST: '127.0.0.1', PORT: String(opts.port), NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`jobvej serve exited (${child.exitCode}): ${log}`);
    try {
      const res = await fetch(`http://127.0.0.1:${opts.port}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`jobvej serve did not answer in 3 minutes: ${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  // Workers start after the primary: wait until every worker process exists.
  if (opts.workers > 1) {
    for (let i = 0; i < 120 && tree(child.pid ?? 0).length < opts.workers + 1; i++) await new Promise((r) => setTimeout(r, 500));
  }
  return {
    port: opts.port,
    child,
    rss: () => tree(child.pid ?? 0).reduce((s, pid) => s + rssOf(pid), 0),
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 20_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export async function login(port: number, username: string, password = 'demo'): Promise<Session> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.255.0.1' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

export interface Stats {
  requests: number;
  errors: number;
  non2xx: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

/** p-quantile of sorted numbers (nearest rank). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

export interface Scenario {
  name: string;
  method: 'GET' | 'PUT' | 'POST';
  /** The request for the i-th call (paths and bodies rotate over the demo's ids). */
  request(i: number): { path: string; body?: string; method?: 'GET' | 'PUT' | 'POST' };
}

let addressCounter = 0;
/**
 * Each request as from its own client address (X-Forwarded-For, believed from loopback with
 * JOBVEJ_TRUST_PROXY=loopback as behind nginx): the rate limit (1 200 a minute per address) would
 * otherwise cap the generator's one address at 20 requests a second.
 */
export function nextAddress(): string {
  addressCounter = (addressCounter + 1) % 16_000_000;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

export async function cannon(
  ports: readonly number[],
  session: Session,
  scenario: Scenario,
  connections: number,
  bound: { seconds: number; amount?: number },
): Promise<Stats> {
  // Two processes on two ports: the connections split between them; with --workers the one port.
  const parts = ports.map((port, k) => ({ port, connections: Math.max(1, Math.floor(connections / ports.length) + (k < connections % ports.length ? 1 : 0)) }));
  let counter = 0;
  const latencies: number[] = [];
  let non2xx = 0;
  const instances: AutocannonInstance[] = [];
  const results = await Promise.all(
    parts.map(
      (part) =>
        new Promise<AutocannonResult>((resolve, reject) => {
          const instance = autocannon(
            {
              url: `http://127.0.0.1:${part.port}`,
              connections: part.connections,
              // autocannon's own `amount` would override the duration: the count is bounded below instead.
              duration: bound.seconds,
              timeout: 30,
              requests: [
                {
                  method: scenario.method,
                  setupRequest: (req) => {
                    const { path, body, method } = scenario.request(counter++);
                    return {
                      ...req,
                      method: method ?? scenario.method,
                      path,
                      headers: { ...session.headers, 'x-forwarded-for': nextAddress(), ...(body ? { 'content-type': 'application/json' } : {}) },
                      ...(body ? { body } : {}),
                    };
                  },
                },
              ],
            },
            (err, result) => (err ? reject(err) : resolve(result)),
          );
          instance.on('response', (_client, statusCode, _bytes, responseTime) => {
            latencies.push(responseTime);
            if (statusCode < 200 || statusCode > 299) non2xx += 1;
            if (bound.amount && latencies.length === bound.amount) for (const other of instances) other.stop();
          });
          instances.push(instance);
        }),
    ),
  );
  latencies.sort((a, b) => a - b);
  const seconds = Math.max(...results.map((r) => r.duration));
  return {
    requests: latencies.length,
    errors: results.reduce((s, r) => s + r.errors + r.timeouts, 0),
    non2xx,
    throughput: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
  };
}

export function loadLine(): string {
  return loadavg().map((l) => l.toFixed(2)).join(' ');
}
