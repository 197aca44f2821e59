// Writing to stdout with backpressure, and the text/JSON shapes of `check` results.
import type { CheckResult, Finding } from './tasks';

/** Writes and waits for the pipe to drain when it is full. */
export function write(s: string, stream: NodeJS.WritableStream = process.stdout): Promise<void> {
  if (stream.write(s)) return Promise.resolve();
  return new Promise((resolve) => stream.once('drain', resolve));
}

/** Ends quietly when the reader goes away (`newsdump check dir | head`). */
export function quietOnBrokenPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const severityWord = (s: string) => (s === 'information' ? 'info' : s);

export function findingLine(file: string, f: Finding): string {
  const p = f.range.start;
  return `${file}:${p.line + 1}:${p.character + 1} ${severityWord(f.severity)} ${f.rule} ${f.message}: ${f.evidence}\n`;
}

/** The `--format json` object for one file (the shape the CLI has always printed). */
export function checkJson(r: CheckResult): object {
  if (r.error) return { file: r.display, error: r.error };
  return {
    file: r.display,
    notice: r.notice,
    findings: r.findings.map((f) => ({
      rule: f.rule, severity: f.severity, message: f.message, evidence: f.evidence, range: f.range,
      fix: { title: f.fix.title, kind: f.fix.kind },
    })),
  };
}

/** Streams `JSON.stringify(items, null, 2)` one element at a time. */
export class JsonArrayWriter {
  private count = 0;
  async item(value: object): Promise<void> {
    const body = JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
    await write(`${this.count++ === 0 ? '[\n' : ',\n'}  ${body}`);
  }
  async end(): Promise<void> {
    await write(this.count === 0 ? '[]\n' : '\n]\n');
  }
}
