// The `newsdump` configuration section: defaults, validation of whatever the client sends
// (settings.json is user-edited; nvim tables can hold anything) and the mapping to the
// engine's options.
import type { RuleId, Severity } from '../analysis/model';
import { RULES } from '../analysis/rules';
import type { AnalyzeOptions } from '../analysis';

export type RuleSetting = Severity | 'off';
export type PlaintextMode = 'auto' | 'always' | 'never';

export interface Settings {
  rules: Partial<Record<RuleId, RuleSetting>>;
  extraPhrases: string[];
  ignorePhrases: string[];
  maxFileSizeMB: number;
  /** Diagnostics published per file (0: all). The fix-all and quick fixes still see all. */
  maxDiagnostics: number;
  plaintext: PlaintextMode;
  outline: { showResidue: boolean };
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  rules: {},
  extraPhrases: [],
  ignorePhrases: [],
  maxFileSizeMB: 20,
  maxDiagnostics: 1000,
  plaintext: 'auto',
  outline: { showResidue: false },
}) as Settings;

const RULE_SETTINGS: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];
const PLAINTEXT_MODES: readonly string[] = ['auto', 'always', 'never'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.filter((s): s is string => typeof s === 'string' && s.trim() !== '');
}

/** Turns the raw `newsdump` section (any shape) into complete settings. */
export function normalizeSettings(raw: unknown): Settings {
  const r = isObject(raw) ? raw : {};
  const rules: Partial<Record<RuleId, RuleSetting>> = {};
  if (isObject(r.rules)) {
    for (const [id, value] of Object.entries(r.rules)) {
      if (!(id in RULES) || typeof value !== 'string') continue;
      const v = value.toLowerCase() === 'info' ? 'information' : value.toLowerCase();
      if (RULE_SETTINGS.includes(v)) rules[id as RuleId] = v as RuleSetting;
    }
  }
  // Flat dotted keys are what some clients send ("outline.showResidue": true).
  const outlineRaw = isObject(r.outline) ? r.outline : {};
  const showResidue = outlineRaw.showResidue ?? r['outline.showResidue'];
  const size = typeof r.maxFileSizeMB === 'number' && Number.isFinite(r.maxFileSizeMB) && r.maxFileSizeMB > 0
    ? r.maxFileSizeMB
    : DEFAULT_SETTINGS.maxFileSizeMB;
  const maxDiagnostics = typeof r.maxDiagnostics === 'number' && Number.isFinite(r.maxDiagnostics) && r.maxDiagnostics >= 0
    ? Math.floor(r.maxDiagnostics)
    : DEFAULT_SETTINGS.maxDiagnostics;
  const plaintext = typeof r.plaintext === 'string' && PLAINTEXT_MODES.includes(r.plaintext)
    ? (r.plaintext as PlaintextMode)
    : DEFAULT_SETTINGS.plaintext;
  return {
    rules,
    extraPhrases: stringList(r.extraPhrases),
    ignorePhrases: stringList(r.ignorePhrases),
    maxFileSizeMB: size,
    maxDiagnostics,
    plaintext,
    outline: { showResidue: showResidue === true },
  };
}

/** Engine options for these settings (the same options the CLI builds from its config). */
export function analyzeOptions(s: Settings): AnalyzeOptions {
  const opts: AnalyzeOptions = {};
  if (Object.keys(s.rules).length > 0) opts.rules = { ...s.rules };
  if (s.extraPhrases.length > 0) opts.extraPhrases = [...s.extraPhrases];
  if (s.ignorePhrases.length > 0) opts.ignorePhrases = [...s.ignorePhrases];
  return opts;
}

/** The severity a rule's findings are reported with: the setting, else the engine's. */
export function severityFor(s: Settings, rule: RuleId, engine: Severity): RuleSetting {
  return s.rules[rule] ?? engine ?? RULES[rule].defaultSeverity;
}

/** Stable key of the settings that change the analysis (the model cache is keyed by it). */
export function analysisKey(s: Settings): string {
  return JSON.stringify(analyzeOptions(s));
}
