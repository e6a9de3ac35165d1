// Person ids numbered as they come: what the helper thread reads its part of weeks.csv with
// while persons.csv is still being read on the main thread (read-weeks.ts maps the numbers to
// persons.csv's index afterwards; ids that are not in persons.csv are found then).
import type { PersonIndex } from '../readers/weeks-csv.ts';

/** A Map whose `get` gives an unseen id the next number instead of undefined. */
class Interning extends Map<string, number> {
  constructor(readonly order: string[]) {
    super();
  }

  override get(id: string): number {
    let i = super.get(id);
    if (i === undefined) {
      i = this.order.length;
      super.set(id, i);
      this.order.push(id);
    }
    return i;
  }
}

export class InterningIndex {
  /** The ids in the order first met: number i is ids[i]. */
  readonly ids: string[] = [];
  private readonly index = new Interning(this.ids);

  /** The reader's view: `n` is the count so far (the panel builder grows with it). */
  get persons(): PersonIndex {
    const { ids, index } = this;
    return {
      get n() {
        return ids.length;
      },
      ids,
      index,
    };
  }
}
