// SARIF 2.1.0 output for `newsdump check --format sarif` (GitHub code scanning and other
// SARIF viewers). Written as a stream: the log's head, then one result at a time, then
// its tail, so a large run never holds every result in memory.
import * as path from 'path';
import { pathToFileURL } from 'url';
import type * as Sarif from 'sarif';
import { RULES } from '../analysis';
import type { Range, RuleId, Severity } from '../analysis';
import type { Finding } from './tasks';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const REPO_URL = 'https://github.com/newsdump/newsdump';
const RULE_IDS = Object.keys(RULES) as RuleId[];

export function sarifLevel(s: Severity): Sarif.ReportingConfiguration.level {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

const camel = (id: string) => id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

export function sarifRules(): Sarif.ReportingDescriptor[] {
  return RULE_IDS.map((id) => {
    const r = RULES[id];
    return {
      id,
      name: camel(id),
      shortDescription: { text: r.fixTitle },
      fullDescription: { text: r.description },
      helpUri: `${REPO_URL}#rule-${id}`,
      help: { text: `${r.description} Quick fix: ${r.fixTitle}.` },
      defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
      properties: { fixKind: r.fixKind, severity: r.defaultSeverity },
    };
  });
}

export function sarifTool(version: string): Sarif.Tool {
  return { driver: { name: 'newsdump', version, semanticVersion: version, informationUri: REPO_URL, rules: sarifRules() } };
}

/** 0-based LSP range (end exclusive) to a SARIF region (1-based, end column exclusive). */
export function sarifRegion(r: Range): Sarif.Region {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** A path as a SARIF artifact location: relative to the working directory when inside it. */
export function artifactLocation(file: string, cwd = process.cwd()): Sarif.ArtifactLocation {
  if (file === '-' || file === '<stdin>') return { uri: 'stdin' };
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel))
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(abs).href };
}

export function sarifResult(f: Finding, file: string, cwd = process.cwd()): Sarif.Result {
  const artifact = artifactLocation(file, cwd);
  return {
    ruleId: f.rule,
    ruleIndex: RULE_IDS.indexOf(f.rule),
    level: sarifLevel(f.severity),
    message: { text: `${f.message}: ${f.evidence}` },
    locations: [{ physicalLocation: { artifactLocation: artifact, region: sarifRegion(f.range) } }],
    fixes: [
      {
        description: { text: f.fix.title },
        artifactChanges: [
          {
            artifactLocation: artifact,
            replacements: f.fix.edits.map((e) => ({ deletedRegion: sarifRegion(e.range), insertedContent: { text: e.newText } })),
          },
        ],
      },
    ],
  };
}

/** The log around its results: `head + results.join(',') + tail` is one SARIF document. */
export function sarifFrame(version: string, cwd = process.cwd()): { head: string; tail: string } {
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: sarifTool(version),
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  const marker = '"results":[]';
  const json = JSON.stringify(log);
  const at = json.indexOf(marker);
  return { head: json.slice(0, at) + '"results":[', tail: json.slice(at + marker.length - 1) + '\n' };
}

/** The whole log at once (tests, small runs). */
export function sarifLog(version: string, files: { file: string; findings: Finding[] }[], cwd = process.cwd()): Sarif.Log {
  const { head, tail } = sarifFrame(version, cwd);
  const results = files.flatMap((f) => f.findings.map((x) => JSON.stringify(sarifResult(x, f.file, cwd))));
  return JSON.parse(head + results.join(',') + tail) as Sarif.Log;
}
