// What routes and commands need from the app: the platform's context (database, CPR vault, clock)
// and the instrument store.
import type { PipelineContext } from './platform/http/pipeline-context.ts';
import type { InstrumentStore } from './instruments/index.ts';

export { isoDate } from './platform/http/pipeline-context.ts';

export interface AppContext extends PipelineContext {
  instrument: InstrumentStore;
}
