// Thin fetch wrapper: JSON in and out, the CSRF header on writes, problem+json errors as ApiError.

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];
  constructor(status: number, code: string, message: string, errors: FieldError[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.errors = errors;
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Listener = (err: ApiError, path: string) => void;
const listeners = new Set<Listener>();
/** Called for errors outside /api/auth/* so the app can show the login or the locked questionnaire. */
export function onApiError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const p = (data ?? {}) as { code?: string; title?: string; detail?: string; errors?: FieldError[] };
    const err = new ApiError(res.status, p.code ?? 'internal', p.detail ?? p.title ?? res.statusText, p.errors ?? []);
    if (!path.startsWith('/api/auth/')) for (const l of listeners) l(err, path);
    throw err;
  }
  return data as T;
}
