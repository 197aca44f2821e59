// The `newsdump` command line: the same engine as the language server, for batches.
// Exit codes: 0 clean, 1 residue found, 2 usage or read error (one line, no stack trace).
// The modules are in ./cli/; this bundle is also the worker-thread script for --jobs.
import { isMainThread, workerData } from 'worker_threads';
import { run } from './cli/main';
import { workerMain } from './cli/pool';

export { main } from './cli/main';
export { decode } from './cli/files';
export type { ReadResult } from './cli/files';

if (!isMainThread && (workerData as { newsdumpWorker?: boolean } | null)?.newsdumpWorker) workerMain();
else if (require.main === module) void run(process.argv.slice(2));
