// `npm run bench [-- --json] [--sizes 1,10,50] [--edits 50] [--small 5000] [--no-engine] [--no-lsp] [--no-cli] [--out FILE]`
// `npm run bench -- --render FILE`: the tables of a saved JSON result.
//
// Engine throughput (analyze, clean) against a floor (split into lines + one precompiled
// regex per line), incremental re-analysis after a keystroke, the language server over
// stdio (open -> diagnostics, keystroke -> diagnostics, documentSymbol / foldingRange after an
// edit, peak RSS), and the CLI cleaning a folder of 5,000 small dumps with one and two jobs.
// Dumps are generated from bench/fixtures (see bench/generate.ts) into the temp directory.
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  createProtocolConnection, ProtocolConnection, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { analyze, applyEdits, fixAllEdits } from '../server/src/analysis';
import { clearSegmentCache, setSegmentCacheLimit } from '../server/src/analysis/analyze';
import { analyzeFull, analyzeIncremental } from '../server/src/analysis/incremental';
import { loadFixtures, scraperDump, smallDump } from './generate';

const root = path.join(__dirname, '..', '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const SIZES = option('--sizes', '1,10,50').split(',').map(Number).filter((n) => n > 0);
const EDITS = Number(option('--edits', '50'));
const SMALL = Number(option('--small', '5000'));
const JSON_ONLY = flag('--json');
const log = (msg: string) => {
  if (!JSON_ONLY) process.stderr.write(msg + '\n');
};
const MB = 1024 * 1024;
const tmp = path.join(os.tmpdir(), 'newsdump-bench');

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const median = (xs: number[]) => quantile(xs, 0.5);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Wall and CPU (user+system of this process) milliseconds of `fn`. */
function timed<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
}

function machine() {
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return { nproc: os.availableParallelism?.() ?? os.cpus().length, cpu, node: process.version, memGB: round(os.totalmem() / 1024 ** 3, 1), loadavg: os.loadavg().map((x) => round(x, 2)) };
}

// ---------------------------------------------------------------------------------------
// Engine

const FLOOR_RE = /\b(?:advertisement|sponsored|taboola|outbrain)\b/i;

function floorPass(text: string): number {
  let hits = 0;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let e = text.indexOf('\n', pos);
    if (e < 0) e = n;
    if (FLOOR_RE.test(text.slice(pos, e))) hits++;
    pos = e + 1;
  }
  return hits;
}

interface EngineResult {
  sizeMB: number;
  lines: number;
  segments: number;
  residue: number;
  articles: number;
  floorMBs: number;
  analyzeMBs: number;
  analyzeCpuMBs: number;
  cleanMBs: number;
  ratio: number;
  ratioCpu: number;
  warmAnalyzeMs: number;
  incrementalMs: { p50: number; p95: number; max: number };
}

function engine(sizeMB: number, text: string): EngineResult {
  const mb = Buffer.byteLength(text) / MB;
  const floorRuns = [0, 1, 2].map(() => timed(() => floorPass(text)));
  const floorMs = median(floorRuns.map((r) => r.ms));
  const runs = sizeMB >= 50 ? 1 : sizeMB >= 10 ? 2 : 4;
  const an: { ms: number; cpuMs: number }[] = [];
  let model = analyze('x');
  for (let k = 0; k < runs; k++) {
    clearSegmentCache();
    const r = timed(() => analyze(text));
    an.push(r);
    model = r.value;
  }
  const warm = timed(() => analyze(text)).ms;
  const cl: number[] = [];
  for (let k = 0; k < runs; k++) {
    clearSegmentCache();
    cl.push(timed(() => applyEdits(text, fixAllEdits(analyze(text)))).ms);
  }
  const counts = { residue: model.residue.length, articles: model.articles.length };
  model = analyze('x'); // let the big model go before measuring keystrokes
  // Incremental: a keystroke in the middle of the dump, EDITS times, with the small segment
  // cache the language server's worker uses.
  clearSegmentCache();
  setSegmentCacheLimit(256);
  let state = analyzeFull(text);
  let at = text.indexOf('\n', text.length >> 1) - 3;
  const inc: number[] = [];
  for (let k = 0; k < EDITS; k++) {
    // As the language server's worker does: the previous version's rope, spliced.
    const next = state.text.splice(at, at, 'abcdefghij'[k % 10]);
    at++;
    const change = { start: at - 1, end: at - 1, insertedLength: 1 };
    inc.push(timed(() => (state = analyzeIncremental(state, next, change))).ms);
  }
  setSegmentCacheLimit(4096);
  clearSegmentCache();
  const analyzeMs = median(an.map((r) => r.ms));
  const analyzeCpu = median(an.map((r) => r.cpuMs));
  return {
    sizeMB,
    lines: state.table.lines.length,
    segments: state.outs.length,
    residue: counts.residue,
    articles: counts.articles,
    floorMBs: round(mb / (floorMs / 1000)),
    analyzeMBs: round(mb / (analyzeMs / 1000), 2),
    analyzeCpuMBs: round(mb / (analyzeCpu / 1000), 2),
    cleanMBs: round(mb / (median(cl) / 1000), 2),
    ratio: round(analyzeMs / floorMs),
    ratioCpu: round(analyzeCpu / median(floorRuns.map((r) => r.cpuMs))),
    warmAnalyzeMs: round(warm),
    incrementalMs: { p50: round(median(inc)), p95: round(quantile(inc, 0.95)), max: round(Math.max(...inc)) },
  };
}

// ---------------------------------------------------------------------------------------
// Language server over stdio

interface LspResult {
  sizeMB: number;
  openToDiagnosticsMs: number;
  diagnostics: number;
  keystrokeMs: { p50: number; p95: number; max: number; n: number };
  /** Server CPU (all threads) per keystroke, mean: what the keystroke costs without contention. */
  keystrokeServerCpuMs: number;
  keystrokeDebouncedMs: { p50: number; max: number; n: number };
  documentSymbolMs: { p50: number; p95: number };
  foldingRangeMs: { p50: number; p95: number };
  peakRssMB: number;
  rssTargetMB: number;
}

/** User+system CPU milliseconds of a process so far (all its threads). */
function cpuMsOf(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = Number(f[11]) + Number(f[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return NaN;
  }
}

function vmHwmMB(pid: number): number {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s*(\d+)\s*kB/);
    return m ? round(Number(m[1]) / 1024, 0) : NaN;
  } catch {
    return NaN;
  }
}

async function lsp(sizeMB: number, text: string): Promise<LspResult> {
  // BENCH_SERVER_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, path.join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn: ProtocolConnection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters = new Map<number, (count: number) => void>();
  const seen = new Map<number, number>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { version?: number; diagnostics: unknown[] }) => {
    const v = p.version ?? -1;
    seen.set(v, p.diagnostics.length);
    waiters.get(v)?.(p.diagnostics.length);
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ maxFileSizeMB: 4096 })));
  conn.listen();
  const diagnosticsFor = (v: number, timeoutMs = 300_000) => new Promise<number>((resolve, reject) => {
    if (seen.has(v)) return resolve(seen.get(v)!);
    const t = setTimeout(() => reject(new Error(`no diagnostics for version ${v} in ${timeoutMs} ms`)), timeoutMs);
    waiters.set(v, (n) => {
      clearTimeout(t);
      waiters.delete(v);
      resolve(n);
    });
  });
  await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: null, workspaceFolders: null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: { publishDiagnostics: { versionSupport: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
    },
  });
  conn.sendNotification('initialized', {});
  const uri = `file://${tmp}/bench-${sizeMB}mb.newsdump.txt`;
  let version = 1;
  const t0 = performance.now();
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'newsdump', version, text } });
  const diagnostics = await diagnosticsFor(version);
  const openMs = performance.now() - t0;
  // BENCH_RSS=1: the server's resident memory after each phase (where the peak comes from).
  const rssLog = (phase: string) => {
    if (!process.env.BENCH_RSS) return;
    const st = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (k: string) => Math.round(Number(new RegExp(`${k}:\\s*(\\d+)`).exec(st)?.[1] ?? NaN) / 1024);
    log(`  ${sizeMB} MB ${phase}: RSS ${kb('VmRSS')} MB, peak ${kb('VmHWM')} MB`);
  };
  rssLog('after open');

  const lines = text.split('\n');
  let line = lines.length >> 1;
  while (lines[line].length < 20 && line < lines.length - 1) line++;
  let character = 10;
  const type = () => {
    version++;
    conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'abcdefghij'[version % 10] }],
    });
    character++;
  };
  // Keystroke -> diagnostics with the debounce bypassed: a request right after the change
  // makes the server analyse the new version at once (and publish it).
  const keys: number[] = [];
  const cpu0 = cpuMsOf(child.pid!);
  for (let k = 0; k < EDITS; k++) {
    const t = performance.now();
    type();
    void conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }).catch(() => null);
    await diagnosticsFor(version);
    keys.push(performance.now() - t);
  }
  const keystrokeCpuMs = (cpuMsOf(child.pid!) - cpu0) / EDITS;
  rssLog(`after ${EDITS} keystrokes`);
  // As the editor sees it: keystroke, then the server's own debounce.
  const debounced: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    type();
    await diagnosticsFor(version);
    debounced.push(performance.now() - t);
  }
  const request = async (method: string) => {
    const out: number[] = [];
    for (let k = 0; k < 10; k++) {
      const t = performance.now();
      type();
      await conn.sendRequest(method, { textDocument: { uri } });
      out.push(performance.now() - t);
    }
    return out;
  };
  const sym = await request('textDocument/documentSymbol');
  const fold = await request('textDocument/foldingRange');
  rssLog('after symbols and folds');
  const rss = vmHwmMB(child.pid!);
  await conn.sendRequest('shutdown').catch(() => null);
  conn.sendNotification('exit');
  await new Promise((r) => setTimeout(r, 200));
  child.kill();
  conn.dispose();
  const mb = Buffer.byteLength(text) / MB;
  return {
    sizeMB,
    openToDiagnosticsMs: round(openMs, 0),
    diagnostics,
    keystrokeMs: { p50: round(median(keys)), p95: round(quantile(keys, 0.95)), max: round(Math.max(...keys)), n: keys.length },
    keystrokeServerCpuMs: round(keystrokeCpuMs),
    keystrokeDebouncedMs: { p50: round(median(debounced)), max: round(Math.max(...debounced)), n: debounced.length },
    documentSymbolMs: { p50: round(median(sym)), p95: round(quantile(sym, 0.95)) },
    foldingRangeMs: { p50: round(median(fold)), p95: round(quantile(fold, 0.95)) },
    peakRssMB: rss,
    rssTargetMB: round(6 * mb + 80, 0),
  };
}

// ---------------------------------------------------------------------------------------
// CLI

interface CliResult {
  files: number;
  totalMB: number;
  jobs: { jobs: number; seconds: number; pagesPerSecond: number; cpuSeconds: number; pagesPerCpuSecond: number; exit: number | null }[];
}

function cli(fixtures: ReturnType<typeof loadFixtures>): CliResult {
  const dir = path.join(tmp, 'small');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let k = 0; k < SMALL; k++) {
    const t = smallDump(fixtures, 1000 + k);
    bytes += Buffer.byteLength(t);
    fs.writeFileSync(path.join(dir, `dump-${String(k).padStart(5, '0')}.txt`), t);
  }
  const jobs: CliResult['jobs'] = [];
  for (const n of [1, 2]) {
    const out = path.join(tmp, `clean-${n}`);
    fs.rmSync(out, { recursive: true, force: true });
    const t = performance.now();
    // GNU time (when installed) adds the CPU seconds, which contention on a shared machine
    // does not inflate.
    const cmd = [process.execPath, path.join(root, 'dist', 'cli.js'), 'clean', dir, '--out-dir', out, '--jobs', String(n)];
    const gnuTime = fs.existsSync('/usr/bin/time');
    const r = gnuTime
      ? spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', ...cmd], { stdio: ['ignore', 'ignore', 'pipe'] })
      : spawnSync(cmd[0], cmd.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
    const s = (performance.now() - t) / 1000;
    const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(String(r.stderr));
    const cpu = m ? Number(m[1]) + Number(m[2]) : NaN;
    const exit = gnuTime && /Command exited with non-zero status (\d+)/.exec(String(r.stderr));
    const status = exit ? Number(exit[1]) : r.status;
    if (status !== 0) log(`cli --jobs ${n}: exit ${status}: ${String(r.stderr).slice(0, 300)}`);
    jobs.push({ jobs: n, seconds: round(s, 2), pagesPerSecond: round(SMALL / s, 0), cpuSeconds: round(cpu, 2), pagesPerCpuSecond: round(SMALL / cpu, 0), exit: status });
  }
  return { files: SMALL, totalMB: round(bytes / MB, 1), jobs };
}

// ---------------------------------------------------------------------------------------

function table(res: { engine: EngineResult[]; lsp: LspResult[]; cli: CliResult | null }): string {
  const out: string[] = [];
  out.push('| size | lines | residue | floor MB/s | analyze MB/s (cpu) | clean MB/s | analyze/floor (cpu) | warm re-analyze ms | incremental keystroke p50/p95 ms |');
  out.push('|---|---|---|---|---|---|---|---|---|');
  for (const e of res.engine) {
    out.push(`| ${e.sizeMB} MB | ${e.lines} | ${e.residue} | ${e.floorMBs} | ${e.analyzeMBs} (${e.analyzeCpuMBs}) | ${e.cleanMBs} | ${e.ratio}x (${e.ratioCpu}x) | ${e.warmAnalyzeMs} | ${e.incrementalMs.p50} / ${e.incrementalMs.p95} |`);
  }
  if (res.lsp.length) {
    out.push('');
    out.push('| size | open -> diagnostics ms | diagnostics | keystroke -> diagnostics p50/p95 ms | server CPU per keystroke ms | with debounce p50 ms | documentSymbol p50/p95 ms | foldingRange p50/p95 ms | peak RSS MB (target) |');
    out.push('|---|---|---|---|---|---|---|---|---|');
    for (const l of res.lsp) {
      out.push(`| ${l.sizeMB} MB | ${l.openToDiagnosticsMs} | ${l.diagnostics} | ${l.keystrokeMs.p50} / ${l.keystrokeMs.p95} | ${l.keystrokeServerCpuMs} | ${l.keystrokeDebouncedMs.p50} | ${l.documentSymbolMs.p50} / ${l.documentSymbolMs.p95} | ${l.foldingRangeMs.p50} / ${l.foldingRangeMs.p95} | ${l.peakRssMB} (${l.rssTargetMB}) |`);
    }
  }
  if (res.cli) {
    out.push('');
    out.push(`CLI clean of ${res.cli.files} small dumps (${res.cli.totalMB} MB): ` + res.cli.jobs.map((j) => `--jobs ${j.jobs}: ${j.seconds} s, ${j.pagesPerSecond} pages/s (CPU ${j.cpuSeconds} s, ${j.pagesPerCpuSecond} pages per CPU-second)`).join('; '));
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const render = option('--render', '');
  if (render) {
    // Print the tables of an earlier --out / --json result.
    process.stdout.write(table(JSON.parse(fs.readFileSync(render, 'utf8'))) + '\n');
    return;
  }
  fs.mkdirSync(tmp, { recursive: true });
  const fixtures = loadFixtures(path.join(root, 'bench', 'fixtures'));
  const before = machine();
  log(`machine: ${before.nproc} CPUs, ${before.cpu}, node ${before.node}, load ${before.loadavg.join(' ')}`);
  const res: { machine: ReturnType<typeof machine>; loadavgAfter?: number[]; engine: EngineResult[]; lsp: LspResult[]; cli: CliResult | null } = { machine: before, engine: [], lsp: [], cli: null };
  for (const size of SIZES) {
    const text = scraperDump(fixtures, size * MB, 42 + size);
    if (!flag('--no-engine')) {
      log(`${size} MB: engine...`);
      res.engine.push(engine(size, text));
    }
    if (!flag('--no-lsp')) {
      log(`${size} MB: language server...`);
      res.lsp.push(await lsp(size, text));
    }
  }
  if (!flag('--no-cli')) {
    log(`CLI: ${SMALL} small dumps...`);
    res.cli = cli(fixtures);
  }
  res.loadavgAfter = os.loadavg().map((x) => round(x, 2));
  const json = JSON.stringify(res, null, 2);
  const outFile = option('--out', '');
  if (outFile) fs.writeFileSync(outFile, json + '\n');
  if (JSON_ONLY) process.stdout.write(json + '\n');
  else process.stdout.write(table(res) + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
