// Inserts whose uniqueness is checked first can still race a concurrent request; the unique
// constraint (SQLSTATE 23505) then decides, and the caller gets the same 409 instead of a 500.
import { DomainError } from '../../../domain/errors.ts';

export async function conflictOnUnique<T>(detail: string, insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if ((error as { code?: unknown }).code === '23505') throw new DomainError('conflict', detail);
    throw error;
  }
}
