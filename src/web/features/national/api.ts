// The national view's aggregates (GET /api/national/indicators): counts with small cells suppressed.
import { useQuery } from '@tanstack/react-query';
import { queries } from '../../lib/queries.ts';

export function useNationalIndicators(year: number) {
  return useQuery(queries.nationalIndicators(year));
}

/** The country's FIP means per item by gender (GET /api/national/fip-means). */
export function useNationalFipMeans(year: number, round: 1 | 2) {
  return useQuery(queries.nationalFipMeans(year, round));
}

/** The current instrument (its item texts): the country's means are of its items. */
export function useInstrument() {
  return useQuery(queries.instrument(undefined));
}
