// Deterministic generator of realistic dumps from the fixture pages: scraper-style entries
// (a rule line, Title/URL/Date/Source header, then a window of one page with its middle lines
// shuffled, some dropped and some numbers changed), so no two entries are identical and the
// segment cache does not trivially hit.
import * as fs from 'fs';
import * as path from 'path';
import { rng } from '../test/support/rng';

export interface Fixture {
  name: string;
  lines: string[];
}

export function loadFixtures(dir: string): Fixture[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), lines: fs.readFileSync(path.join(dir, f), 'utf8').split('\n') }));
}

function shuffleRange<T>(a: T[], from: number, to: number, r: () => number): void {
  for (let i = to - 1; i > from; i--) {
    const j = from + Math.floor(r() * (i - from + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
}

/** One varied copy of (part of) a page. */
export function variant(f: Fixture, r: () => number, maxLines = Infinity): string[] {
  const n = f.lines.length;
  const len = Math.min(maxLines, Math.max(8, Math.floor(n * (0.4 + 0.6 * r()))));
  const start = len >= n ? 0 : Math.floor(r() * (n - len));
  const lines = f.lines.slice(start, start + len).filter((l) => l.trim() === '' || r() > 0.08);
  const head = Math.min(lines.length, Math.floor(lines.length * 0.15));
  const tail = Math.max(head, lines.length - Math.floor(lines.length * 0.15));
  shuffleRange(lines, head, tail, r);
  const bump = 1 + Math.floor(r() * 9);
  return lines.map((l) => (r() < 0.3 ? l.replace(/\d+/g, (d) => String((Number(d) + bump) % 10 ** d.length).padStart(d.length, '0')) : l));
}

function headlineOf(lines: string[], r: () => number, k: number): string {
  const cands = lines.filter((l) => {
    const w = l.trim().split(/\s+/).length;
    return w >= 4 && w <= 14 && !/[.:;,]$/.test(l.trim());
  });
  const base = cands.length ? cands[Math.floor(r() * cands.length)].trim() : 'Untitled story';
  return `${base} (${k})`;
}

const SITES = ['Reuters', 'The Daily Planet', 'Metro Herald', 'Tech Wire', 'Morning Post', 'Sports Desk', 'City Ledger'];

/** A scraper dump of about `bytes` UTF-8 bytes. */
export function scraperDump(fixtures: Fixture[], bytes: number, seed: number): string {
  const r = rng(seed);
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const f = fixtures[Math.floor(r() * fixtures.length)];
    const body = variant(f, r);
    const day = 1 + Math.floor(r() * 28);
    const entry = [
      '==========',
      `Title: ${headlineOf(body, r, k)}`,
      `URL: https://example.com/${f.name}/${k}`,
      `Date: 2026-07-${String(day).padStart(2, '0')}`,
      `Source: ${SITES[k % SITES.length]}`,
      '',
      ...body,
      '',
    ].join('\n');
    parts.push(entry);
    size += Buffer.byteLength(entry) + 1;
  }
  return parts.join('\n');
}

/** A small single-page dump (a few KB): a short window of one page. */
export function smallDump(fixtures: Fixture[], seed: number): string {
  const r = rng(seed);
  const f = fixtures[Math.floor(r() * fixtures.length)];
  return variant(f, r, 20 + Math.floor(r() * 30)).join('\n') + '\n';
}
