// Small-cell suppression: one implementation for every aggregate (national view, exports).
export { gridTable, type Grid, type LinkedTable } from './linked-table.ts';
export { MIN_PERSONS, recoverable, suppress, type Suppressed, type Suppression } from './suppress.ts';
export { cubeTable, type Cube, type CubeDimension } from './cube.ts';
