// Open documents and their analyses. The model for one (document version, settings) pair is
// computed exactly once and shared by every feature; edits are debounced, opening is
// immediate, and a request that finds the cached model older than the document re-analyses
// synchronously so nothing is ever answered from stale text.
import { performance } from 'perf_hooks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DumpModel } from '../analysis/model';
import { LANGUAGE_ID } from './constants';
import { looksLikeNewsDump } from './looksLikeNewsDump';
import { analysisKey, analyzeOptions, DEFAULT_SETTINGS, Settings } from './settings';
import type { AnalyzeOptions } from '../analysis';

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

export type Analyzer = (text: string, opts: AnalyzeOptions) => DumpModel;

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

/** Analyses one document version (pure apart from the clock). */
export function analyseDocument(doc: TextDocument, settings: Settings, analyze: Analyzer): Analysis {
  const text = doc.getText();
  const base = { uri: doc.uri, version: doc.version, languageId: doc.languageId, text, settings, key: cacheKey(doc, settings) };
  const isDumpLanguage = doc.languageId === LANGUAGE_ID;
  if (!isDumpLanguage && settings.plaintext === 'never') {
    return { ...base, model: null, skipped: null, annotate: false, ms: 0 };
  }
  // UTF-16 length bounds the UTF-8 size from below by half; only measure near the limit.
  const limit = settings.maxFileSizeMB * 1024 * 1024;
  if (text.length * 3 > limit) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > limit) {
      const skipped = { bytes, limitMB: settings.maxFileSizeMB, message: skipMessage(bytes, settings.maxFileSizeMB) };
      // In plaintext "auto" mode a big unrelated .txt (a log) must not get a notice either.
      return { ...base, model: null, skipped, annotate: isDumpLanguage || settings.plaintext === 'always', ms: 0 };
    }
  }
  const t0 = performance.now();
  const model = analyze(text, analyzeOptions(settings));
  const ms = performance.now() - t0;
  const annotate = isDumpLanguage || settings.plaintext === 'always' || looksLikeNewsDump(model);
  return { ...base, model, skipped: null, annotate, ms };
}

export interface StoreOptions {
  documents: DocumentSource;
  analyze: Analyzer;
  /** Resolves the settings for a document (workspace/configuration). */
  fetchSettings: (uri: string) => Promise<Settings>;
  /** Called with every fresh analysis of a still-open document's current version. */
  onAnalysed: (a: Analysis) => void;
  debounceMs?: number;
  log?: (msg: string) => void;
}

export class AnalysisStore {
  private readonly cache = new Map<string, Analysis>();
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
    if (this.generation.get(uri) !== g) {
      // Edited while the settings were on their way: the edit scheduled a run already.
      if (!this.timers.has(uri)) this.run(uri);
      return;
    }
    this.run(uri);
  }

  /** A document changed: analyse once the edits pause. */
  changed(uri: string): void {
    this.bump(uri);
    this.cancelTimer(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.run(uri);
    }, this.debounceMs));
  }

  /** A document was closed: drop everything, pending runs included. */
  closed(uri: string): void {
    this.bump(uri);
    this.cancelTimer(uri);
    this.cache.delete(uri);
    this.settings.delete(uri);
  }

  /** Settings changed: re-read them for every open document and re-analyse. */
  async settingsChanged(): Promise<void> {
    const docs = this.o.documents.all();
    await Promise.all(docs.map(async (d) => {
      const g = this.bump(d.uri);
      this.cancelTimer(d.uri);
      await this.refreshSettings(d.uri);
      if (this.generation.get(d.uri) === g) this.run(d.uri, true);
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

  /**
   * Analyses the current version if it has no analysis yet, and reports it (`force`: report
   * even an unchanged analysis, after a settings change).
   */
  private run(uri: string, force = false): void {
    const doc = this.o.documents.get(uri);
    if (!doc) return; // closed mid-way
    const before = this.cache.get(uri);
    const a = this.current(uri);
    if (!a || (a === before && !force)) return;
    this.o.onAnalysed(a);
  }

  /**
   * The analysis of the document's current version, computed now if the cache holds an
   * older one. Undefined when the document is not open.
   */
  current(uri: string): Analysis | undefined {
    const doc = this.o.documents.get(uri);
    if (!doc) return undefined;
    const settings = this.settingsFor(uri);
    const cached = this.cache.get(uri);
    if (cached && cached.version === doc.version && cached.key === cacheKey(doc, settings)) {
      if (cached.settings === settings) return cached;
      // Only presentation settings changed (severities, outline): same model, new settings.
      const updated = { ...cached, settings };
      this.cache.set(uri, updated);
      return updated;
    }
    let a: Analysis;
    try {
      a = analyseDocument(doc, settings, this.o.analyze);
    } catch (e) {
      this.o.log?.(`newsdump: analysis of ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return undefined;
    }
    this.cache.set(uri, a);
    // A synchronous run for a request also serves the pending debounced one.
    if (this.timers.has(uri)) {
      this.cancelTimer(uri);
      queueMicrotask(() => this.o.onAnalysed(a));
    }
    return a;
  }

  /** True when the cache holds the analysis of the document's current version. */
  isFresh(uri: string): boolean {
    const doc = this.o.documents.get(uri);
    const cached = this.cache.get(uri);
    return !doc || (!!cached && cached.version === doc.version && cached.key === cacheKey(doc, this.settingsFor(uri)));
  }

  /** The cached analysis, whatever version it is for (no computation). */
  cached(uri: string): Analysis | undefined {
    return this.cache.get(uri);
  }

  /** Open documents whose cached analysis is annotated (for workspace symbols). */
  annotated(): Analysis[] {
    const out: Analysis[] = [];
    for (const d of this.o.documents.all()) {
      const a = this.current(d.uri);
      if (a && a.annotate && a.model) out.push(a);
    }
    return out;
  }
}
