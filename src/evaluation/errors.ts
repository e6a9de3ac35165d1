// Input errors: readers collect up to `limit` problems (file, line, reason), count the rest, and
// throw one InputError at the end, so nothing is ever half-loaded.

export interface InputProblem {
  file: string;
  line: number; // 1-based; 0 = the file as a whole
  reason: string;
}

export class InputError extends Error {
  constructor(
    readonly problems: InputProblem[],
    readonly more: number,
  ) {
    super(formatProblems(problems, more));
    this.name = 'InputError';
  }
}

export function formatProblems(problems: InputProblem[], more: number): string {
  const lines = problems.map((p) => (p.line > 0 ? `${p.file}:${p.line}: ${p.reason}` : `${p.file}: ${p.reason}`));
  if (more > 0) lines.push(`… and ${more} more error${more === 1 ? '' : 's'}`);
  return lines.join('\n');
}

export class ProblemCollector {
  readonly problems: InputProblem[] = [];
  more = 0;
  constructor(readonly limit = 20) {}

  add(file: string, line: number, reason: string): void {
    if (this.problems.length < this.limit) this.problems.push({ file, line, reason });
    else this.more++;
  }

  get count(): number {
    return this.problems.length + this.more;
  }

  /** Throw an InputError when anything was collected. */
  throwIfAny(): void {
    if (this.count > 0) throw new InputError(this.problems, this.more);
  }
}
