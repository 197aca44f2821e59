// One big file on two threads: a worker thread (this same bundle, started with
// `workerData.newsdumpSegments`) analyses the segments after a cut while the main thread
// does the rest. analysis/parallel.ts says why the model is exactly analyze's; if the
// worker cannot start or fails, the main thread analyses everything itself.
import { availableParallelism } from 'os';
import { parentPort, Worker } from 'worker_threads';
import { analyze, DumpModel } from '../analysis';
import { SegResult, setSegmentCacheLimit } from '../analysis/analyze';
import { analyzeWithHelper, runSegmentJob, SegmentJob } from '../analysis/parallel';

/**
 * Texts of at least this many characters are shared with a helper thread. Below it the
 * thread's start (loading the bundle and the classifier's model, compiling the engine a
 * second time) costs about what it saves. NEWSDUMP_TWO_THREADS_MIN overrides it (tests).
 */
export const TWO_THREADS_MIN = 2 * 1024 * 1024;

interface Request {
  id: number;
  job: SegmentJob;
}
interface Reply {
  id: number;
  results?: SegResult[];
  error?: string;
}

/** Entry point inside the helper thread. */
export function helperMain(): void {
  const port = parentPort!;
  // Each segment is sent once (the main thread hands results on between looks itself).
  setSegmentCacheLimit(0);
  port.on('message', ({ id, job }: Request) => {
    let reply: Reply;
    try {
      reply = { id, results: runSegmentJob(job) };
    } catch (e) {
      reply = { id, error: (e as Error).message };
    }
    port.postMessage(reply);
  });
}

/** The smallest text shared with a helper: the environment's override, else TWO_THREADS_MIN. */
function minimum(): number {
  const v = process.env.NEWSDUMP_TWO_THREADS_MIN;
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : TWO_THREADS_MIN;
}

export class BigFileAnalyzer {
  private worker: Worker | null = null;
  private failed = false;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (r: SegResult[]) => void; reject: (e: Error) => void }>();
  private readonly min = minimum();
  /** False on one CPU, or when the user asked for one thread (--jobs 1). */
  private readonly enabled: boolean;

  constructor(private readonly script: string, oneThread: boolean) {
    this.enabled = !oneThread && availableParallelism() >= 2;
  }

  /** Starts the helper early (it loads while this thread reads), when `bytes` will need it. */
  warm(bytes: number): void {
    if (this.enabled && bytes >= this.min) this.start();
  }

  readonly analyze = (text: string): DumpModel | Promise<DumpModel> => {
    if (!this.enabled || text.length < this.min || !this.start()) return analyze(text);
    return analyzeWithHelper(text, {}, (job) => this.run(job));
  };

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private start(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    try {
      const w = new Worker(this.script, { workerData: { newsdumpSegments: true } });
      w.on('message', (reply: Reply) => {
        const waiter = this.waiting.get(reply.id);
        if (!waiter) return;
        this.waiting.delete(reply.id);
        if (reply.results) waiter.resolve(reply.results);
        else waiter.reject(new Error(reply.error ?? 'no results'));
      });
      w.on('error', (e) => this.fail(e));
      w.on('exit', () => this.fail(new Error('helper thread exited')));
      this.worker = w;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }

  private run(job: SegmentJob): Promise<SegResult[]> {
    const w = this.worker;
    if (!w) return Promise.reject(new Error('no helper thread'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      w.postMessage({ id, job } satisfies Request);
    });
  }

  /** A helper that failed is not asked again: what it had is analysed on this thread. */
  private fail(e: Error): void {
    this.failed = true;
    this.worker = null;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}
