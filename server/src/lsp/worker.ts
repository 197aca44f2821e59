// Runs the engine on a worker thread so a long analysis (a multi-megabyte dump takes
// seconds) never blocks the server: requests, cancellation, edits and shutdown keep flowing.
// One worker, one job at a time; jobs still queued for a document are dropped when a newer
// version of it is submitted, and a running job is abandoned (worker terminated) when its
// document is closed. The worker keeps the engine's per-document incremental state
// (documentAnalyzer) between jobs, so re-analysing an edited big dump is cheap; the main
// thread only ever sees structured-cloned models, so the engine may reuse its own state.
import { performance } from 'perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import type { AnalyzeOptions } from '../analysis';
import type { DumpModel } from '../analysis/model';

export const WORKER_FLAG = 'newsdumpAnalysisWorker';

export interface AnalysisResult {
  model: DumpModel;
  ms: number;
}

/** Engine entry used by the store: resolves with the model of `text`. */
export interface AsyncAnalyzer {
  analyze(uri: string, text: string, opts: AnalyzeOptions): Promise<AnalysisResult>;
  /** Drops queued work for `uri` and abandons a running job for it. */
  cancel(uri: string): void;
  dispose(): void;
}

/** Rejection of a job that was superseded or cancelled before it ran. */
export class JobCancelled extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'JobCancelled';
  }
}

export function isAnalysisWorker(): boolean {
  return !isMainThread && !!(workerData && (workerData as Record<string, unknown>)[WORKER_FLAG]);
}

interface JobMessage {
  id: number;
  uri: string;
  text: string;
  opts: AnalyzeOptions;
}

/** Drop the worker's incremental state of a closed document. */
interface ForgetMessage {
  forget: string;
}

/** The engine as the worker runs it: per-document state, so new versions are incremental. */
export interface DocumentEngine {
  analyze(text: string, opts: AnalyzeOptions, uri?: string): DumpModel;
  forget(uri: string): void;
}

type ReplyMessage = { id: number; model: DumpModel; ms: number } | { id: number; error: string };

/** The worker side: analyse every job posted to this thread. */
export function runAnalysisWorker(engine: DocumentEngine): void {
  const port = parentPort;
  if (!port) throw new Error('runAnalysisWorker outside a worker thread');
  port.on('message', (msg: JobMessage | ForgetMessage) => {
    if ('forget' in msg) {
      engine.forget(msg.forget);
      return;
    }
    const job = msg;
    let reply: ReplyMessage;
    try {
      const t0 = performance.now();
      const model = engine.analyze(job.text, job.opts, job.uri);
      reply = { id: job.id, model, ms: performance.now() - t0 };
    } catch (e) {
      reply = { id: job.id, error: e instanceof Error ? e.stack ?? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}

/** Same contract, in-process (tests, NEWSDUMP_WORKER=0, or when no worker can start). */
export class InProcessAnalyzer implements AsyncAnalyzer {
  constructor(private readonly fn: (text: string, opts: AnalyzeOptions) => DumpModel) {}
  async analyze(_uri: string, text: string, opts: AnalyzeOptions): Promise<AnalysisResult> {
    await new Promise((r) => setImmediate(r)); // let queued messages (cancel, edits) in first
    const t0 = performance.now();
    const model = this.fn(text, opts);
    return { model, ms: performance.now() - t0 };
  }
  cancel(): void {}
  dispose(): void {}
}

interface Job {
  id: number;
  uri: string;
  text: string;
  opts: AnalyzeOptions;
  resolve: (r: AnalysisResult) => void;
  reject: (e: Error) => void;
}

export class WorkerAnalyzer implements AsyncAnalyzer {
  private worker: Worker | null = null;
  private running: Job | null = null;
  private readonly queue: Job[] = [];
  private nextId = 1;
  private disposed = false;

  constructor(
    private readonly file: string,
    /** Runs a job in-process when the worker dies under it (so no analysis is ever lost). */
    private readonly fallback: (text: string, opts: AnalyzeOptions) => DumpModel,
    private readonly log: (msg: string) => void = () => {},
  ) {}

  analyze(uri: string, text: string, opts: AnalyzeOptions): Promise<AnalysisResult> {
    if (this.disposed) return Promise.reject(new JobCancelled('analyzer disposed'));
    // A newer version replaces whatever of this document is still waiting.
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].uri === uri) this.queue.splice(i, 1)[0].reject(new JobCancelled('superseded'));
    }
    return new Promise<AnalysisResult>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, uri, text, opts, resolve, reject });
      this.pump();
    });
  }

  cancel(uri: string): void {
    this.worker?.postMessage({ forget: uri } satisfies ForgetMessage);
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].uri === uri) this.queue.splice(i, 1)[0].reject(new JobCancelled('cancelled'));
    }
    if (this.running && this.running.uri === uri) {
      const job = this.running;
      this.running = null;
      this.kill();
      job.reject(new JobCancelled('cancelled while running'));
      this.pump();
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const j of this.queue.splice(0)) j.reject(new JobCancelled('analyzer disposed'));
    if (this.running) this.running.reject(new JobCancelled('analyzer disposed'));
    this.running = null;
    this.kill();
  }

  private kill(): void {
    const w = this.worker;
    this.worker = null;
    if (w) {
      w.removeAllListeners();
      void w.terminate();
    }
  }

  private spawn(): Worker {
    const w = new Worker(this.file, { workerData: { [WORKER_FLAG]: true } });
    w.on('message', (msg: ReplyMessage) => {
      const job = this.running;
      if (!job || job.id !== msg.id) return; // an abandoned job's answer
      this.running = null;
      w.unref(); // idle: do not keep the process alive (re-ref'd by the next job)
      if ('error' in msg) job.reject(new Error(msg.error));
      else job.resolve({ model: msg.model, ms: msg.ms });
      this.pump();
    });
    const fail = (e: Error) => {
      this.log(`newsdump: analysis worker failed: ${e.message}`);
      if (this.worker === w) this.worker = null;
      w.removeAllListeners();
      void w.terminate();
      const job = this.running;
      this.running = null;
      if (job) {
        try {
          const t0 = performance.now();
          const model = this.fallback(job.text, job.opts);
          job.resolve({ model, ms: performance.now() - t0 });
        } catch (err) {
          job.reject(err instanceof Error ? err : new Error(String(err)));
        }
      }
      this.pump();
    };
    w.on('error', fail);
    w.on('exit', (code) => {
      if (this.worker === w) fail(new Error(`worker exited with code ${code}`));
    });
    w.unref();
    return w;
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    if (!this.worker) this.worker = this.spawn();
    this.worker.ref(); // a job in flight keeps the process alive
    this.running = job;
    this.worker.postMessage({ id: job.id, uri: job.uri, text: job.text, opts: job.opts } satisfies JobMessage);
  }
}
