// Runs the engine on a worker thread so a long analysis (a multi-megabyte dump takes
// seconds) never blocks the server: requests, cancellation, edits and shutdown keep flowing.
// One worker, one job at a time; jobs still queued for a document are dropped when a newer
// version of it is submitted, and a running job is abandoned (worker terminated) when its
// document is closed. The worker keeps the engine's per-document incremental state
// (documentAnalyzer) between jobs, so re-analysing an edited big dump is cheap; the main
// thread only ever sees structured-cloned models, so the engine may reuse its own state.
// The worker also keeps each document's text, as a rope (a keystroke splices a chunk of it
// instead of copying 100 MB): a new version is posted as the editor's changes since the
// version the worker holds (a keystroke, not 50 MB), and the model comes
// back as a delta against the model last posted for that document (modelDelta.ts). Either
// side falls back to the whole text or the whole model whenever their bases disagree.
import { performance } from 'perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import type { AnalyzeOptions } from '../analysis';
import type { TextChange } from '../analysis/incremental';
import type { DumpModel } from '../analysis/model';
import { Rope } from '../analysis/rope';
import { applyDelta, diffModels, ModelDelta } from './modelDelta';

export const WORKER_FLAG = 'newsdumpAnalysisWorker';

export interface AnalysisResult {
  model: DumpModel;
  ms: number;
}

/** One edit in the offsets of the text it applies to (changes of one version apply in order). */
export interface OffsetChange {
  start: number;
  end: number;
  text: string;
}

/** Where `text` came from: its version, and the editor's changes since an earlier version. */
export interface TextHistory {
  version: number;
  /** The changes from version `base` to `version`, or null when they are not known. */
  since(base: number): OffsetChange[] | null;
}

/** Engine entry used by the store: resolves with the model of `text`. */
export interface AsyncAnalyzer {
  /** `text` may be a function: then it is called only if the text itself has to be posted. */
  analyze(uri: string, text: string | (() => string), opts: AnalyzeOptions, history?: TextHistory): Promise<AnalysisResult>;
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
  opts: AnalyzeOptions;
  /** Version of the text (-1 when the caller does not track versions). */
  version: number;
  /** The whole text; or else `changes` to the text of version `base` the worker holds. */
  text?: string;
  base?: number;
  changes?: OffsetChange[];
  /** Reply with the whole model, not a delta. */
  full?: boolean;
}

/** Drop the worker's incremental state of a closed document. */
interface ForgetMessage {
  forget: string;
}

/** The engine as the worker runs it: per-document state, so new versions are incremental. */
export interface DocumentEngine {
  analyze(text: string | Rope, opts: AnalyzeOptions, uri?: string, edit?: { from: Rope; change: TextChange }): DumpModel;
  forget(uri: string): void;
}

type ReplyMessage =
  | { id: number; model: DumpModel; ms: number }
  /** `base`: id of the job whose model the delta applies to. */
  | { id: number; delta: ModelDelta; base: number; ms: number }
  /** The worker does not hold the base version the changes apply to: send the text. */
  | { id: number; resync: true }
  | { id: number; error: string };

/**
 * Applies `changes` (each in the offsets of the text the ones before it produced) and returns
 * the new text with one change, in old-text offsets, covering all of them.
 */
export function applyChanges(text: Rope, changes: readonly OffsetChange[]): { text: Rope; change: TextChange | null } {
  let lo = -1;
  let hiNew = 0; // end of the changed span, new offsets
  let hiOld = 0; // the same point, old offsets
  let covered = true;
  for (const c of changes) {
    const s = Math.max(0, Math.min(c.start, text.length));
    const e = Math.max(0, Math.min(c.end, text.length));
    text = text.splice(s, e, c.text);
    if (e < s) covered = false; // (only from a broken line table: see LazyDocument)
    if (lo < 0) {
      lo = s;
      hiOld = e;
      hiNew = s + c.text.length;
    } else {
      lo = Math.min(lo, s);
      if (e > hiNew) {
        hiOld += e - hiNew;
        hiNew = e;
      }
      hiNew += c.text.length - (e - s);
    }
  }
  return { text, change: lo < 0 || !covered ? null : { start: lo, end: hiOld, insertedLength: hiNew - lo } };
}

/** The worker side: analyse every job posted to this thread. */
export function runAnalysisWorker(engine: DocumentEngine): void {
  const port = parentPort;
  if (!port) throw new Error('runAnalysisWorker outside a worker thread');
  /** Each document's text as of its last job. */
  const texts = new Map<string, { version: number; text: Rope }>();
  /** The model last posted for each document, and the job it answered. */
  const sent = new Map<string, { id: number; model: DumpModel }>();
  port.on('message', (msg: JobMessage | ForgetMessage) => {
    if ('forget' in msg) {
      engine.forget(msg.forget);
      texts.delete(msg.forget);
      sent.delete(msg.forget);
      return;
    }
    const job = msg;
    let reply: ReplyMessage;
    try {
      const t0 = performance.now();
      let text: Rope;
      let edit: { from: Rope; change: TextChange } | undefined;
      if (job.text !== undefined) text = Rope.from(job.text);
      else {
        const held = texts.get(job.uri);
        if (!held || held.version !== job.base || !job.changes) {
          port.postMessage({ id: job.id, resync: true } satisfies ReplyMessage);
          return;
        }
        const applied = applyChanges(held.text, job.changes);
        text = applied.text;
        if (applied.change) edit = { from: held.text, change: applied.change };
      }
      texts.delete(job.uri);
      const model = engine.analyze(text, job.opts, job.uri, edit);
      if (job.version >= 0) texts.set(job.uri, { version: job.version, text });
      const last = sent.get(job.uri);
      sent.set(job.uri, { id: job.id, model });
      const ms = performance.now() - t0;
      reply = last && !job.full
        ? { id: job.id, delta: diffModels(last.model, model), base: last.id, ms }
        : { id: job.id, model, ms };
    } catch (e) {
      texts.delete(job.uri);
      sent.delete(job.uri);
      reply = { id: job.id, error: e instanceof Error ? e.stack ?? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}

/** Same contract, in-process (tests, NEWSDUMP_WORKER=0, or when no worker can start). */
export class InProcessAnalyzer implements AsyncAnalyzer {
  constructor(private readonly fn: (text: string, opts: AnalyzeOptions) => DumpModel) {}
  async analyze(_uri: string, text: string | (() => string), opts: AnalyzeOptions): Promise<AnalysisResult> {
    await new Promise((r) => setImmediate(r)); // let queued messages (cancel, edits) in first
    const t0 = performance.now();
    const model = this.fn(textOf(text), opts);
    return { model, ms: performance.now() - t0 };
  }
  cancel(): void {}
  dispose(): void {}
}

const textOf = (t: string | (() => string)): string => (typeof t === 'string' ? t : t());

interface Job {
  id: number;
  uri: string;
  text: string | (() => string);
  opts: AnalyzeOptions;
  history?: TextHistory;
  /** Posted again with the whole text / asking for the whole model. */
  resent?: boolean;
  resolve: (r: AnalysisResult) => void;
  reject: (e: Error) => void;
}

/**
 * A keystroke in a big dump allocates tens of megabytes that live until the next one (the
 * shifted findings of every segment after the edit). With V8's default young generation
 * (16 MB semi-spaces) they are copied and promoted, and old-generation collections follow;
 * with 128 MB semi-spaces most die young. (Engine keystroke at 50 MB: p50 ~155 -> ~115 ms
 * CPU.) The young generation only grows that large under such a load.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 3 * 128 };

export class WorkerAnalyzer implements AsyncAnalyzer {
  private worker: Worker | null = null;
  private running: Job | null = null;
  private readonly queue: Job[] = [];
  private nextId = 1;
  private disposed = false;
  /** Per document: the version whose text the current worker holds (after its queued jobs). */
  private readonly held = new Map<string, number>();
  /** Per document: the last model the current worker posted, and its job id. */
  private readonly models = new Map<string, { id: number; model: DumpModel }>();

  constructor(
    private readonly file: string,
    /** Runs a job in-process when the worker dies under it (so no analysis is ever lost). */
    private readonly fallback: (text: string, opts: AnalyzeOptions) => DumpModel,
    private readonly log: (msg: string) => void = () => {},
  ) {}

  analyze(uri: string, text: string | (() => string), opts: AnalyzeOptions, history?: TextHistory): Promise<AnalysisResult> {
    if (this.disposed) return Promise.reject(new JobCancelled('analyzer disposed'));
    // A newer version replaces whatever of this document is still waiting.
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].uri === uri) this.queue.splice(i, 1)[0].reject(new JobCancelled('superseded'));
    }
    return new Promise<AnalysisResult>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, uri, text, opts, history, resolve, reject });
      this.pump();
    });
  }

  cancel(uri: string): void {
    this.held.delete(uri);
    this.models.delete(uri);
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
    this.held.clear();
    this.models.clear();
    if (w) {
      w.removeAllListeners();
      void w.terminate();
    }
  }

  private spawn(): Worker {
    const w = new Worker(this.file, { workerData: { [WORKER_FLAG]: true }, resourceLimits: WORKER_LIMITS });
    w.on('message', (msg: ReplyMessage) => {
      const job = this.running;
      if (!job || job.id !== msg.id) return; // an abandoned job's answer
      let model: DumpModel | null = null;
      if ('resync' in msg || 'delta' in msg) {
        const base = 'delta' in msg ? this.models.get(job.uri) : undefined;
        if ('delta' in msg && base && base.id === msg.base) {
          model = applyDelta(base.model, msg.delta).model;
        } else if (!job.resent) {
          // Bases disagree: post the job again with the whole text, asking for the whole model.
          job.resent = true;
          this.held.delete(job.uri);
          this.models.delete(job.uri);
          this.post(job);
          return;
        }
      }
      this.running = null;
      w.unref(); // idle: do not keep the process alive (re-ref'd by the next job)
      if ('error' in msg) {
        this.held.delete(job.uri);
        this.models.delete(job.uri);
        job.reject(new Error(msg.error));
      } else if ('model' in msg || model) {
        const m = model ?? (msg as { model: DumpModel }).model;
        this.models.set(job.uri, { id: job.id, model: m });
        job.resolve({ model: m, ms: (msg as { ms: number }).ms });
      } else {
        this.held.delete(job.uri);
        this.models.delete(job.uri);
        job.reject(new Error('the analysis worker lost the document twice'));
      }
      this.pump();
    });
    const fail = (e: Error) => {
      this.log(`newsdump: analysis worker failed: ${e.message}`);
      if (this.worker === w) {
        this.worker = null;
        this.held.clear();
        this.models.clear();
      }
      w.removeAllListeners();
      void w.terminate();
      const job = this.running;
      this.running = null;
      if (job) {
        try {
          const t0 = performance.now();
          const model = this.fallback(textOf(job.text), job.opts);
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
    this.post(job);
  }

  /** Posts `job`: as changes to the version the worker holds when they are known, else whole. */
  private post(job: Job): void {
    const w = this.worker!;
    const version = job.history ? job.history.version : -1;
    const base = this.held.get(job.uri);
    const changes = !job.resent && base !== undefined && job.history ? job.history.since(base) : null;
    const msg: JobMessage = changes
      ? { id: job.id, uri: job.uri, opts: job.opts, version, base, changes }
      : { id: job.id, uri: job.uri, opts: job.opts, version, text: textOf(job.text), full: job.resent };
    if (version >= 0) this.held.set(job.uri, version);
    else this.held.delete(job.uri);
    w.postMessage(msg);
  }
}
