// A progress bar on stderr, drawn only when stderr is a terminal and there is more than
// one file; otherwise every call is a no-op (logs and pipes get no control characters).
export interface Progress {
  tick(): void;
  /** Clears the bar (call before writing other stderr lines, and at the end). */
  clear(): void;
  done(): void;
}

const NOOP: Progress = { tick() {}, clear() {}, done() {} };

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total < 2) return NOOP;
  const started = Date.now();
  let count = 0;
  let last = 0;
  let shown = false;
  const draw = () => {
    const cols = Math.max(40, stream.columns || 80);
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? Math.round(count / secs) : 0;
    const tail = ` ${count}/${total} files ${rate}/s`;
    const width = Math.min(40, cols - tail.length - 3);
    const filled = Math.round((count / total) * width);
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${tail}\x1b[K`);
    shown = true;
  };
  return {
    tick() {
      count++;
      const now = Date.now();
      if (now - last >= 100 || count === total) {
        last = now;
        draw();
      }
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
      last = 0;
    },
    done() {
      this.clear();
    },
  };
}
