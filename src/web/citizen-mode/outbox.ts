// The citizen's answers on the device first (decision 020): each answer is written to IndexedDB
// with a client-generated id before it is sent, then sent one at a time in the order given; it
// leaves the device only when the server has accepted it. Without a connection (fetch fails, or
// the server answers 5xx) the answers wait and are sent when the browser is online again (and
// every few seconds). An answer the server refuses (4xx other than the lock's 429) is kept on
// the device, marked refused and shown, never dropped. Where IndexedDB is unavailable (some
// private modes) the answers wait in memory only.
import { ApiError } from '../lib/http.ts';
import type { AnswerInput, CitizenRound, Handover } from '../lib/types.ts';
import { isLocked, saveAnswers } from './api.ts';

export interface Pending {
  /** IndexedDB's key: the order the answers were given in. */
  seq?: number;
  clientId: string;
  roundId: string;
  answers: AnswerInput[];
  complete: boolean;
  /** The server's error code when it refused the answer (kept, shown, not sent again). */
  refused?: string;
}

export interface OutboxState {
  waiting: number;
  refused: number;
  /** Of the refused, those refused because the round was finished meanwhile (409 round_closed, decision 023). */
  closed: number;
  /** At least one answer of this round reached the server since the page opened. */
  saved: boolean;
}

const DB = 'jobvej-citizen';
const STORE = 'outbox';
/** The hand-over as last seen online (session-snapshot below), for a reload while offline. */
const SNAPSHOT = 'handover';
const RETRY_MS = 5_000;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

let opened: Promise<IDBDatabase | null> | undefined;
function database(): Promise<IDBDatabase | null> {
  opened ??= new Promise((resolve) => {
    try {
      const open = indexedDB.open(DB, 2);
      open.onupgradeneeded = () => {
        const names = open.result.objectStoreNames;
        if (!names.contains(STORE)) open.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
        if (!names.contains(SNAPSHOT)) open.result.createObjectStore(SNAPSHOT);
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opened;
}

const memory: Pending[] = [];
let memorySeq = 0;

async function store<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>, name = STORE): Promise<T | undefined> {
  const db = await database();
  if (!db) return undefined;
  return request(fn(db.transaction(name, mode).objectStore(name)));
}

/**
 * The hand-over as this page last had it online — the session's hand-over (round, citizen,
 * language), the round and the citizen's answers so far — so a reload without a connection
 * shows the current question. The citizen's own data only; removed at take-back.
 */
export interface Snapshot {
  handover: Handover;
  round: CitizenRound;
}

export async function saveSnapshot(snapshot: Snapshot): Promise<void> {
  await store('readwrite', (s) => s.put(snapshot, 'current'), SNAPSHOT).catch(() => undefined);
}

export async function loadSnapshot(): Promise<Snapshot | undefined> {
  return store('readonly', (s) => s.get('current') as IDBRequest<Snapshot | undefined>, SNAPSHOT).catch(() => undefined);
}

/** The citizen's choice to hear each question read aloud (audio.ts), for this tab's hand-over only. */
export const AUTOPLAY_KEY = 'jobvej.citizen.autoplay';

/** At take-back: the snapshot, whatever else the page kept beside it (the audio sets) and the citizen's autoplay choice go. */
export async function clearSnapshot(): Promise<void> {
  try {
    sessionStorage.removeItem(AUTOPLAY_KEY);
  } catch {
    /* nothing kept */
  }
  await store('readwrite', (s) => s.clear(), SNAPSHOT).catch(() => undefined);
}

/** Something else the page keeps for a start without a connection, beside the snapshot (e.g. a version's audio set). */
export async function keepBeside(key: string, value: unknown): Promise<void> {
  await store('readwrite', (s) => s.put(value, key), SNAPSHOT).catch(() => undefined);
}

export async function keptBeside<T>(key: string): Promise<T | undefined> {
  return store('readonly', (s) => s.get(key) as IDBRequest<T | undefined>, SNAPSHOT).catch(() => undefined);
}

async function add(p: Pending): Promise<Pending> {
  const key = await store('readwrite', (s) => s.add(p));
  if (key === undefined) {
    memorySeq += 1;
    const kept = { ...p, seq: memorySeq };
    memory.push(kept);
    return kept;
  }
  return { ...p, seq: Number(key) };
}

async function list(roundId: string): Promise<Pending[]> {
  const all = (await store('readonly', (s) => s.getAll() as IDBRequest<Pending[]>)) ?? memory;
  return all.filter((p) => p.roundId === roundId).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

async function remove(p: Pending): Promise<void> {
  if ((await store('readwrite', (s) => s.delete(p.seq ?? -1))) === undefined) {
    const i = memory.findIndex((m) => m.seq === p.seq);
    if (i >= 0) memory.splice(i, 1);
  }
}

async function markRefused(p: Pending, code: string): Promise<void> {
  const refused = { ...p, refused: code };
  if ((await store('readwrite', (s) => s.put(refused))) === undefined) {
    const i = memory.findIndex((m) => m.seq === p.seq);
    if (i >= 0) memory[i] = refused;
  }
}

/** A random (version 4) UUID; crypto.getRandomValues also works outside a secure context, randomUUID not. */
function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A network failure or a server error worth retrying (not a refusal of this answer). */
const isTransient = (err: unknown) => !(err instanceof ApiError) || err.status >= 500;

/** The outbox of one handed-over round. */
export class Outbox {
  private state: OutboxState = { waiting: 0, refused: 0, closed: 0, saved: false };
  private listeners = new Set<(s: OutboxState) => void>();
  private savedListeners = new Set<(saved: Pending) => void>();
  private draining = false;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly roundId: string,
    private readonly onLocked: () => void,
  ) {
    addEventListener('online', () => void this.drain());
  }

  /** The answers still on the device (waiting or refused), in the order given. */
  pending(): Promise<Pending[]> {
    return list(this.roundId);
  }

  subscribe(listener: (s: OutboxState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  /** Called with an answer once the server has it. */
  onSaved(listener: (saved: Pending) => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  /** Keep an answer on the device, then send it (after those given before it). Returns its client id. */
  async give(answers: AnswerInput[], complete: boolean): Promise<string> {
    const clientId = uuid();
    await add({ clientId, roundId: this.roundId, answers, complete });
    await this.publish();
    void this.drain();
    return clientId;
  }

  private async publish(saved = this.state.saved): Promise<void> {
    const all = await list(this.roundId);
    const refused = all.filter((p) => p.refused !== undefined).length;
    const closed = all.filter((p) => p.refused === 'round_closed').length;
    this.state = { waiting: all.length - refused, refused, closed, saved };
    for (const l of this.listeners) l(this.state);
  }

  /** Send the waiting answers in order, one at a time; stop at the first that cannot go now. */
  async drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = true;
    clearTimeout(this.timer);
    try {
      do {
        this.again = false;
        for (const p of await list(this.roundId)) {
          if (p.refused !== undefined) continue;
          try {
            await saveAnswers(this.roundId, p.answers, p.complete, p.clientId);
          } catch (err) {
            if (isLocked(err)) {
              this.onLocked();
              return;
            }
            if (isTransient(err)) {
              this.timer = setTimeout(() => void this.drain(), RETRY_MS);
              return;
            }
            await markRefused(p, err instanceof ApiError ? err.code : 'refused');
            await this.publish();
            continue;
          }
          await remove(p);
          await this.publish(true);
          for (const l of this.savedListeners) l(p);
        }
      } while (this.again);
    } finally {
      this.draining = false;
      await this.publish();
    }
  }
}
