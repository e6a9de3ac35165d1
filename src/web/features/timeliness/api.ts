// The managers' timeliness (GET /api/deadlines/timeliness): the deadline rules of the municipality's active citizens as of a date.
import { useQuery } from '@tanstack/react-query';
import { queries } from '../../lib/queries.ts';

export function useTimeliness(asOf: string) {
  return useQuery(queries.timeliness(asOf));
}
