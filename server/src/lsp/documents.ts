// Open documents and their analyses. The model for one (document version, settings) pair is
// computed exactly once and shared by every feature; edits are debounced, opening is
// immediate, and a request that finds the cached model older than the document waits for
// the analysis of the current text first, so nothing is ever answered from stale text.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DumpModel } from '../analysis/model';
import { LANGUAGE_ID } from './constants';
import type { LazyDocument } from './lazyDocument';
import { looksLikeNewsDump } from './looksLikeNewsDump';
import { analysisKey, analyzeOptions, DEFAULT_SETTINGS, Settings } from './settings';
import { AsyncAnalyzer, JobCancelled, OffsetChange, TextHistory } from './worker';

export interface Skipped {
  bytes: number;
  limitMB: number;
  message: string;
}

/** Everything the features need about one analysed document version. */
export interface Analysis {
  uri: string;
  version: number;
  languageId: string;
  /** The exact text the model was computed for. */
  text: string;
  settings: Settings;
  /** Null when the file was not analysed (over the size limit, plaintext "never"). */
  model: DumpModel | null;
  skipped: Skipped | null;
  /** False when features must stay silent (plaintext that does not look like a dump). */
  annotate: boolean;
  ms: number;
  key: string;
}

export interface DocumentSource {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

function cacheKey(doc: TextDocument, s: Settings): string {
  return `${doc.languageId}|${s.plaintext}|${s.maxFileSizeMB}|${analysisKey(s)}`;
}

export function skipMessage(bytes: number, limitMB: number): string {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return `newsdump skipped this file: it is ${mb} MB, over the newsdump.maxFileSizeMB limit of ${limitMB} MB. Raise the setting to analyse it.`;
}

/**
 * The editor's changes to each open document, in offsets, version by version: the analysis
 * worker keeps the text, so a new version is posted as the changes since the version it
 * holds. Kept from the last version posted on; a gap (or too much text) means "unknown", and
 * the whole text is posted instead.
 */
export class ChangeLog {
  private readonly docs = new Map<string, { first: number; entries: { version: number; changes: OffsetChange[] }[]; chars: number }>();
  private static readonly MAX_CHARS = 1 << 20;
  private static readonly MAX_ENTRIES = 10000;

  /** The document was opened (or replaced whole) at `version`. */
  reset(uri: string, version: number): void {
    this.docs.set(uri, { first: version, entries: [], chars: 0 });
  }

  /** `changes` turned version `from` into `version`. */
  add(uri: string, from: number, version: number, changes: OffsetChange[]): void {
    const d = this.docs.get(uri);
    const last = d ? (d.entries.length ? d.entries[d.entries.length - 1].version : d.first) : undefined;
    if (!d || last !== from) {
      // A gap: the history is known from this version on.
      this.docs.set(uri, { first: version, entries: [], chars: 0 });
      return;
    }
    d.entries.push({ version, changes });
    for (const c of changes) d.chars += c.text.length;
    if (d.chars > ChangeLog.MAX_CHARS || d.entries.length > ChangeLog.MAX_ENTRIES) this.docs.set(uri, { first: version, entries: [], chars: 0 });
  }

  delete(uri: string): void {
    this.docs.delete(uri);
  }

  /** The history of `uri` up to `version`; `since` forgets what comes before the base it serves. */
  history(uri: string, version: number): TextHistory {
    return {
      version,
      since: (base: number) => {
        const d = this.docs.get(uri);
        if (!d || (base !== d.first && !d.entries.some((e) => e.version === base))) return null;
        const out: OffsetChange[] = [];
        let at = d.first;
        let drop = 0;
        for (const e of d.entries) {
          if (e.version <= base) {
            at = e.version;
            drop++;
            continue;
          }
          if (e.version > version) break;
          for (const c of e.changes) out.push(c);
          at = e.version;
        }
        if (at !== version) return null;
        // The worker is about to hold `version`: what came before `base` is no longer needed.
        if (drop > 0) {
          d.first = d.entries[drop - 1].version;
          for (const e of d.entries.splice(0, drop)) for (const c of e.changes) d.chars -= c.text.length;
        }
        return out;
      },
    };
  }
}

/**
 * An Analysis whose `text` is built on first use (the main thread rarely needs the string:
 * the analysis worker keeps its own copy; see LazyDocument).
 */
function withText(fields: Omit<Analysis, 'text'>, text: () => string): Analysis {
  let t: string | undefined;
  const a = fields as Analysis;
  Object.defineProperty(a, 'text', { get: () => (t ??= text()), enumerable: false, configurable: true });
  return a;
}

/** The same analysis with other (presentation) settings. */
function withSettings(a: Analysis, settings: Settings): Analysis {
  const { text: _t, ...fields } = a;
  return withText({ ...fields, settings }, () => a.text);
}

/** Analyses one document version (the engine may run on a worker thread). */
export async function analyseDocument(doc: TextDocument, settings: Settings, analyzer: AsyncAnalyzer, history?: TextHistory): Promise<Analysis> {
  const lazy = doc as Partial<LazyDocument>;
  const text: () => string = typeof lazy.snapshot === 'function' ? lazy.snapshot() : ((t: string) => () => t)(doc.getText());
  const length = typeof lazy.textLength === 'number' ? lazy.textLength : text().length;
  const base = { uri: doc.uri, version: doc.version, languageId: doc.languageId, settings, key: cacheKey(doc, settings) };
  const isDumpLanguage = doc.languageId === LANGUAGE_ID;
  if (!isDumpLanguage && settings.plaintext === 'never') {
    return withText({ ...base, model: null, skipped: null, annotate: false, ms: 0 }, text);
  }
  // UTF-16 length bounds the UTF-8 size from below by half; only measure near the limit.
  const limit = settings.maxFileSizeMB * 1024 * 1024;
  if (length * 3 > limit) {
    const bytes = Buffer.byteLength(text(), 'utf8');
    if (bytes > limit) {
      const skipped = { bytes, limitMB: settings.maxFileSizeMB, message: skipMessage(bytes, settings.maxFileSizeMB) };
      // In plaintext "auto" mode a big unrelated .txt (a log) must not get a notice either.
      return withText({ ...base, model: null, skipped, annotate: isDumpLanguage || settings.plaintext === 'always', ms: 0 }, text);
    }
  }
  const { model, ms } = await analyzer.analyze(doc.uri, text, analyzeOptions(settings), history);
  const annotate = isDumpLanguage || settings.plaintext === 'always' || looksLikeNewsDump(model);
  return withText({ ...base, model, skipped: null, annotate, ms }, text);
}

export interface StoreOptions {
  documents: DocumentSource;
  analyzer: AsyncAnalyzer;
  /** Resolves the settings for a document (workspace/configuration). */
  fetchSettings: (uri: string) => Promise<Settings>;
  /** Called with every fresh analysis of a still-open document's current version. */
  onAnalysed: (a: Analysis) => void;
  debounceMs?: number;
  log?: (msg: string) => void;
  /** The editor's changes to the documents (lets the analyzer post edits, not whole texts). */
  changes?: ChangeLog;
}

interface Inflight {
  version: number;
  key: string;
  promise: Promise<Analysis | undefined>;
}

export class AnalysisStore {
  private readonly cache = new Map<string, Analysis>();
  private readonly inflight = new Map<string, Inflight>();
  private readonly published = new Map<string, Analysis>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly settings = new Map<string, Settings>();
  /** Bumped on every open/change/close/settings change: a pending run checks it. */
  private readonly generation = new Map<string, number>();
  private readonly debounceMs: number;

  constructor(private readonly o: StoreOptions) {
    this.debounceMs = o.debounceMs ?? 150;
  }

  /** Settings last resolved for a document (defaults until the first fetch returns). */
  settingsFor(uri: string): Settings {
    return this.settings.get(uri) ?? DEFAULT_SETTINGS;
  }

  private bump(uri: string): number {
    const g = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, g);
    return g;
  }

  private cancelTimer(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  /** A document was opened: fetch its settings, then analyse at once. */
  async opened(uri: string): Promise<void> {
    const g = this.bump(uri);
    this.cancelTimer(uri);
    await this.refreshSettings(uri);
    // Edited while the settings were on their way: the edit scheduled a run already.
    if (this.generation.get(uri) !== g && this.timers.has(uri)) return;
    await this.run(uri);
  }

  /** A document changed: analyse once the edits pause. */
  changed(uri: string): void {
    this.bump(uri);
    this.cancelTimer(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.run(uri);
    }, this.debounceMs));
  }

  /** A document was closed: drop everything, pending and running work included. */
  closed(uri: string): void {
    this.bump(uri);
    this.cancelTimer(uri);
    this.cache.delete(uri);
    this.inflight.delete(uri);
    this.published.delete(uri);
    this.settings.delete(uri);
    this.o.analyzer.cancel(uri);
  }

  /** Settings changed: re-read them for every open document, re-analyse and re-publish. */
  async settingsChanged(): Promise<void> {
    const docs = this.o.documents.all();
    await Promise.all(docs.map(async (d) => {
      const g = this.bump(d.uri);
      this.cancelTimer(d.uri);
      await this.refreshSettings(d.uri);
      // A settings change always yields a new Analysis object, so this re-publishes.
      if (this.generation.get(d.uri) === g) await this.run(d.uri);
    }));
  }

  private async refreshSettings(uri: string): Promise<void> {
    try {
      this.settings.set(uri, await this.o.fetchSettings(uri));
    } catch (e) {
      this.o.log?.(`newsdump: could not read settings for ${uri}: ${e instanceof Error ? e.message : String(e)}`);
      if (!this.settings.has(uri)) this.settings.set(uri, DEFAULT_SETTINGS);
    }
  }

  /** Analyses the current version if it has no analysis yet, and reports it. */
  private async run(uri: string): Promise<void> {
    const a = await this.current(uri);
    if (a) this.report(a);
  }

  /** Publishes `a` if it is still the open document's current version and not yet reported. */
  private report(a: Analysis): void {
    const doc = this.o.documents.get(a.uri);
    if (!doc || doc.version !== a.version) return; // closed, or a newer version will report
    if (a.key !== cacheKey(doc, this.settingsFor(a.uri))) return; // settings changed meanwhile
    if (this.published.get(a.uri) === a) return;
    this.published.set(a.uri, a);
    if (this.timers.has(a.uri)) this.cancelTimer(a.uri); // this run serves the pending one
    this.o.onAnalysed(a);
  }

  /** True when the cache holds the analysis of the document's current version. */
  isFresh(uri: string): boolean {
    const doc = this.o.documents.get(uri);
    const cached = this.cache.get(uri);
    return !doc || (!!cached && cached.version === doc.version && cached.key === cacheKey(doc, this.settingsFor(uri)));
  }

  /**
   * The analysis of the document's current version: cached, joined if already running, or
   * computed now. If the document changes while it is computed, the newer version is
   * analysed (up to a few rounds). Undefined when the document is not open.
   */
  async current(uri: string): Promise<Analysis | undefined> {
    let last: Analysis | undefined;
    for (let round = 0; round < 5; round++) {
      const doc = this.o.documents.get(uri);
      if (!doc) return undefined;
      const a = await this.analysisOf(doc);
      if (a) last = a;
      const now = this.o.documents.get(uri);
      if (!now) return undefined;
      if (a && a.version === now.version) return a;
    }
    return last;
  }

  private analysisOf(doc: TextDocument): Promise<Analysis | undefined> {
    const uri = doc.uri;
    const settings = this.settingsFor(uri);
    const key = cacheKey(doc, settings);
    const cached = this.cache.get(uri);
    if (cached && cached.version === doc.version && cached.key === key) {
      if (cached.settings === settings) return Promise.resolve(cached);
      // Only presentation settings changed (severities, outline): same model, new settings.
      const updated = withSettings(cached, settings);
      this.cache.set(uri, updated);
      return Promise.resolve(updated);
    }
    const running = this.inflight.get(uri);
    if (running && running.version === doc.version && running.key === key) return running.promise;
    const promise = analyseDocument(doc, settings, this.o.analyzer, this.o.changes?.history(uri, doc.version)).then(
      (a) => {
        if (this.inflight.get(uri)?.promise === promise) this.inflight.delete(uri);
        if (!this.o.documents.get(uri)) return undefined; // closed meanwhile
        const prev = this.cache.get(uri);
        const doc2 = this.o.documents.get(uri)!;
        const stale = prev && prev.version === a.version && prev.key === cacheKey(doc2, this.settingsFor(uri)) && a.key !== prev.key;
        if (!prev || (prev.version <= a.version && !stale)) this.cache.set(uri, a);
        this.report(a);
        return a;
      },
      (e: unknown) => {
        if (this.inflight.get(uri)?.promise === promise) this.inflight.delete(uri);
        if (!(e instanceof JobCancelled)) {
          this.o.log?.(`newsdump: analysis of ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        }
        return undefined;
      },
    );
    this.inflight.set(uri, { version: doc.version, key, promise });
    return promise;
  }

  /** The cached analysis, whatever version it is for (no computation). */
  cached(uri: string): Analysis | undefined {
    return this.cache.get(uri);
  }

  /** Analyses of every open document that is annotated (for workspace symbols). */
  async annotated(): Promise<Analysis[]> {
    const all = await Promise.all(this.o.documents.all().map((d) => this.current(d.uri)));
    return all.filter((a): a is Analysis => !!a && a.annotate && !!a.model);
  }
}
