// A real `bin/jobvej serve` process for tests that need more than one (tests/server/two-processes.test.ts):
// started with its own environment, its stdout kept line by line (the server's JSON log), ready
// when it says it serves; stopped with a signal.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/jobvej', import.meta.url));

export interface JobvejProcess {
  child: ChildProcess;
  port: number;
  base: string;
  lines: string[];
  /** Resolves with the exit code (or signal name) once it has ended. */
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

export function startJobvej(env: Record<string, string>, port: number, args: string[] = []): Promise<JobvejProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  let buffered = '';
  const take = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const proc: JobvejProcess = {
    child, port, base: `http://127.0.0.1:${port}`, lines, exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (lines.some((l) => l.startsWith('jobvej serves'))) {
        clearInterval(timer);
        resolve(proc);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`jobvej serve ended before it served (${code}):\n${lines.join('\n')}`));
    });
  });
}

/** The JSON log lines with this message (pino's `msg`). */
export function logEntries(proc: JobvejProcess, msg: string): Record<string, unknown>[] {
  return proc.lines.flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      const entry = JSON.parse(line) as Record<string, unknown>;
      return entry.msg === msg ? [entry] : [];
    } catch {
      return [];
    }
  });
}
