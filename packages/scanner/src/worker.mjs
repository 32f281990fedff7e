// The worker thread's entry: module hooks registered on the main thread do not reach worker threads
// (and ESM hooks cannot be registered from one on Node 20), so the worker loads the TypeScript worker
// through tsx's CommonJS API, which compiles in this thread.
import { require as tsxRequire } from 'tsx/cjs/api';

tsxRequire('./worker.ts', import.meta.url);
