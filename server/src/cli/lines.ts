// Splits a byte stream into lines (without their "\n"), reading only as lines are taken.
import type { Readable } from 'stream';

/** The complete lines of each chunk as they arrive (a line cut by a chunk end comes with the next). */
export async function* readLineBatches(stream: Readable): AsyncGenerator<Buffer[]> {
  let rest: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const lines: Buffer[] = [];
    let start = 0;
    let nl: number;
    while ((nl = chunk.indexOf(10, start)) !== -1) {
      const part = chunk.subarray(start, nl);
      lines.push(rest.length ? Buffer.concat([...rest, part]) : part);
      rest = [];
      start = nl + 1;
    }
    if (start < chunk.length) rest.push(chunk.subarray(start));
    if (lines.length) yield lines;
  }
  if (rest.length) yield [Buffer.concat(rest)];
}
