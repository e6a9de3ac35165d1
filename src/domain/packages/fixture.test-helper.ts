// A two-module package for the package tests.
import type { IndustryPackage, PackageModule } from './types.ts';

const text = (s: string) => ({ da: s, en: s });
const module = (id: string, goalIds: string[]): PackageModule => ({
  id, kind: id === 'intro' ? 'introduction_course' : 'company_placement_1', title: text(id),
  durationWeeks: { min: 3, max: 8 }, elements: ['danish_lessons'],
  goals: goalIds.map((g) => ({ id: g, text: text(g), measure: text(`measure ${g}`) })),
});

export const pkg: IndustryPackage = {
  id: 'test-pkg', version: 1, municipalityCode: '630', industry: { db07: '47', name: text('Detailhandel') },
  title: text('Test'), modules: [module('intro', ['a', 'b']), module('placement-1', ['c'])],
};
