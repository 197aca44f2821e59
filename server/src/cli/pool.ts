// Runs tasks on worker threads and hands the results back in input order.
// The worker is this same bundle (dist/cli.js) started with `workerData.newsdumpWorker`,
// so the CLI stays one file that runs with no node_modules.
import { parentPort, Worker } from 'worker_threads';
import { cacheSegmentsFor, TASKS, TaskInput, TaskKind, TaskOutput } from './tasks';

/** A batch of inputs per message: small files cost less than a thread hand-off each. */
interface Request {
  id: number;
  kind: TaskKind;
  inputs: unknown[];
}
interface Reply {
  id: number;
  outputs?: unknown[];
  error?: string;
}

/** Entry point inside a worker thread. */
export function workerMain(): void {
  const port = parentPort!;
  port.on('message', (req: Request) => {
    let reply: Reply;
    try {
      cacheSegmentsFor(req.kind);
      const fn = TASKS[req.kind] as (input: unknown) => unknown;
      reply = { id: req.id, outputs: req.inputs.map((i) => fn(i)) };
    } catch (e) {
      reply = { id: req.id, error: (e as Error).message };
    }
    port.postMessage(reply);
  });
}

export interface Runner {
  /** Runs a batch; the outputs are in the order of the inputs. */
  run<K extends TaskKind>(kind: K, inputs: TaskInput<K>[]): Promise<TaskOutput<K>[]>;
  /** How many tasks may be in flight at once (bounds memory: results wait in order). */
  readonly window: number;
  close(): Promise<void>;
}

/** Runs tasks on the calling thread. */
export function inlineRunner(): Runner {
  return {
    window: 1,
    run: <K extends TaskKind>(kind: K, inputs: TaskInput<K>[]) =>
      new Promise<TaskOutput<K>[]>((resolve) => resolve(inputs.map((i) => (TASKS[kind] as (i: TaskInput<K>) => TaskOutput<K>)(i)))),
    close: async () => {},
  };
}

/** A pool of `size` worker threads running `script` (the CLI bundle). */
export function workerRunner(size: number, script: string): Runner {
  interface Slot {
    worker: Worker;
    busy: number;
  }
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; slot: Slot }>();
  let nextId = 0;
  let failed: Error | null = null;
  const fail = (err: Error) => {
    failed = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const slots: Slot[] = [];
  for (let i = 0; i < size; i++) {
    const worker = new Worker(script, { workerData: { newsdumpWorker: true } });
    const slot: Slot = { worker, busy: 0 };
    worker.on('message', (reply: Reply) => {
      const w = waiting.get(reply.id);
      if (!w) return;
      waiting.delete(reply.id);
      slot.busy--;
      if (reply.error !== undefined) w.reject(new Error(reply.error));
      else w.resolve(reply.outputs);
    });
    worker.on('error', (e) => fail(new Error(`worker failed: ${e.message}`)));
    worker.on('exit', (code) => {
      if (code !== 0 && waiting.size) fail(new Error(`worker exited with code ${code}`));
    });
    slots.push(slot);
  }
  return {
    window: size * 4,
    run<K extends TaskKind>(kind: K, inputs: TaskInput<K>[]): Promise<TaskOutput<K>[]> {
      if (failed) return Promise.reject(failed);
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      slot.busy++;
      return new Promise<TaskOutput<K>[]>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, slot });
        slot.worker.postMessage({ id, kind, inputs } satisfies Request);
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/**
 * Maps `source` through `run` with up to `window` tasks in flight, yielding results in
 * source order. The source is pulled only as results are consumed, so a slow consumer
 * (a full stdout pipe) holds back reading: backpressure all the way to the input.
 */
export async function* mapOrdered<T, R>(
  source: Iterable<T> | AsyncIterable<T>,
  run: (item: T) => Promise<R>,
  window: number,
): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  const start = (item: T) => {
    const p = run(item);
    p.catch(() => {}); // awaited in order below; this only silences an early rejection
    pending.push(p);
  };
  for await (const item of source) {
    start(item);
    while (pending.length >= window) yield await pending.shift()!;
  }
  while (pending.length) yield await pending.shift()!;
}

export function makeRunner(jobs: number, count: number | null, script: string): Runner {
  const size = count === null ? jobs : Math.min(jobs, count);
  return size > 1 ? workerRunner(size, script) : inlineRunner();
}

/** Batch size for `count` files on `jobs` workers: a few batches per worker, at most 32 files. */
export function batchSize(count: number, jobs: number): number {
  return jobs <= 1 ? 1 : Math.max(1, Math.min(32, Math.floor(count / (jobs * 8))));
}

/** Cuts a list into batches of `size`. */
export function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
