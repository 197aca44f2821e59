// Reads the corpus' .ann format and scores a clean against it, exactly like
// /work/shared/tools/score-dumps.py (same parse, tokenizer, line-then-token diff alignment,
// title matching). Used by scripts/eval.ts and by golden tests.
//
// Format: a line starting with '>>> ' is an article's headline (mark not part of the text);
// '%%source ', '%%time ', '%%author ', '%%meta ' start a kept metadata line; text inside
// ⟦ ⟧ is residue. '*.crlf.ann' files are scored with CRLF endings.
import * as fs from 'fs';

export interface GoldArticle {
  title: string;
  source: string | null;
}

export interface AnnLine {
  /** Raw text of the line (marks stripped). */
  text: string;
  /** '>>>' headline, or the metadata tag, or null. */
  tag: 'headline' | 'source' | 'time' | 'author' | 'meta' | null;
  /** Residue characters in this line / all non-space characters. */
  residueChars: number;
  chars: number;
}

export interface AnnDoc {
  /** The dump as the scorer feeds it (LF; use `data` for CRLF files). */
  raw: string;
  /** What the tool is given: CRLF for *.crlf.ann. */
  data: string;
  crlf: boolean;
  /** Residue spans [start, end) in `raw` (UTF-16 offsets). */
  spans: [number, number][];
  articles: GoldArticle[];
  lines: AnnLine[];
}

const TAG_RE = /^([⟦⟧]*)(>>> |%%(source|time|author|meta) )/;

export function parseAnnText(text: string, crlf = false): AnnDoc {
  const raw: string[] = [];
  const spans: [number, number][] = [];
  const arts: GoldArticle[] = [];
  const lines: AnnLine[] = [];
  let inRes = false;
  let start = 0;
  let pos = 0;
  let pending: string | null = null;
  let lastTitleLine = -99;
  const src = text.split('\n');
  for (let n = 0; n < src.length; n++) {
    let line = src[n];
    let tag: AnnLine['tag'] = null;
    const m = TAG_RE.exec(line);
    if (m) {
      const pre = m[1];
      const t = m[2];
      const body = line.slice(pre.length + t.length);
      if (t === '>>> ') {
        tag = 'headline';
        arts.push({ title: body.trim().replace(/^title:\s*/i, ''), source: pending });
        pending = null;
        lastTitleLine = n;
      } else {
        tag = m[3] as AnnLine['tag'];
        if (t.startsWith('%%source')) {
          const s = body.trim().replace(/^source:\s*/i, '');
          if (arts.length && n - lastTitleLine <= 3 && !arts[arts.length - 1].source) arts[arts.length - 1].source = s;
          else pending = s;
        }
      }
      line = pre + body;
    }
    let lineText = '';
    let resChars = 0;
    let chars = 0;
    const full = line + '\n';
    for (let k = 0; k < full.length; k++) {
      const ch = full[k];
      if (ch === '⟦') {
        inRes = true;
        start = pos;
      } else if (ch === '⟧') {
        inRes = false;
        spans.push([start, pos]);
      } else {
        raw.push(ch);
        pos++;
        if (ch !== '\n') {
          lineText += ch;
          if (ch.trim() !== '') {
            chars++;
            if (inRes) resChars++;
          }
        }
      }
    }
    lines.push({ text: lineText, tag, residueChars: resChars, chars });
  }
  const rawStr = raw.join('').slice(0, -1);
  return {
    raw: rawStr,
    data: crlf ? rawStr.replace(/\n/g, '\r\n') : rawStr,
    crlf,
    spans,
    articles: arts,
    lines,
  };
}

export function parseAnn(path: string): AnnDoc {
  return parseAnnText(fs.readFileSync(path, 'utf8'), path.endsWith('.crlf.ann'));
}

// ---------------------------------------------------------------- tokenizer

export type Tok = [string, number, number];

// Python's \w on str: alphanumeric (L*, N*) or underscore. Combining marks are not \w.
// Python's \s on str differs from JS's: it has \x1c-\x1f and \x85, and not \ufeff.
const TOKEN = /[\p{L}\p{N}_]+|[^\p{L}\p{N}_\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/gu;
const LOWER = /\p{Lowercase}/u;
const UPPER = /\p{Uppercase}/u;

export function tokens(s: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(s))) {
    const w = m[0];
    const b = m.index;
    // fast path: ASCII word with no case change inside
    const cps = Array.from(w);
    if (cps.length === 1) {
      out.push([w, b, b + w.length]);
      continue;
    }
    const offs: number[] = [];
    let o = 0;
    for (const c of cps) {
      offs.push(o);
      o += c.length;
    }
    offs.push(o);
    const cuts = [0];
    for (let i = 1; i < cps.length; i++) {
      const p = cps[i - 1];
      const c = cps[i];
      if ((LOWER.test(p) && UPPER.test(c)) || (i + 1 < cps.length && UPPER.test(p) && UPPER.test(c) && LOWER.test(cps[i + 1])))
        cuts.push(i);
    }
    cuts.push(cps.length);
    for (let k = 0; k + 1 < cuts.length; k++) {
      const a = offs[cuts[k]];
      const z = offs[cuts[k + 1]];
      out.push([w.slice(a, z), b + a, b + z]);
    }
  }
  return out;
}

// ---------------------------------------------------------------- difflib port

export type Block = [number, number, number];
export type Opcode = ['equal' | 'replace' | 'delete' | 'insert', number, number, number, number];

/** difflib.SequenceMatcher(None, a, b, autojunk=False), same algorithm and tie-breaking. */
export class SequenceMatcher<T> {
  private b2j = new Map<T, number[]>();
  private blocks: Block[] | null = null;
  constructor(private a: readonly T[], private b: readonly T[]) {
    for (let j = 0; j < b.length; j++) {
      const l = this.b2j.get(b[j]);
      if (l) l.push(j);
      else this.b2j.set(b[j], [j]);
    }
  }

  findLongestMatch(alo: number, ahi: number, blo: number, bhi: number): Block {
    const { a, b, b2j } = this;
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const newj2len = new Map<number, number>();
      const js = b2j.get(a[i]);
      if (js) {
        for (const j of js) {
          if (j < blo) continue;
          if (j >= bhi) break;
          const k = (j2len.get(j - 1) ?? 0) + 1;
          newj2len.set(j, k);
          if (k > bestsize) {
            besti = i - k + 1;
            bestj = j - k + 1;
            bestsize = k;
          }
        }
      }
      j2len = newj2len;
    }
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
    return [besti, bestj, bestsize];
  }

  getMatchingBlocks(): Block[] {
    if (this.blocks) return this.blocks;
    const la = this.a.length;
    const lb = this.b.length;
    const queue: [number, number, number, number][] = [[0, la, 0, lb]];
    const mb: Block[] = [];
    while (queue.length) {
      const [alo, ahi, blo, bhi] = queue.pop()!;
      const x = this.findLongestMatch(alo, ahi, blo, bhi);
      const [i, j, k] = x;
      if (k) {
        mb.push(x);
        if (alo < i && blo < j) queue.push([alo, i, blo, j]);
        if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
      }
    }
    mb.sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2]);
    let i1 = 0;
    let j1 = 0;
    let k1 = 0;
    const nonAdj: Block[] = [];
    for (const [i2, j2, k2] of mb) {
      if (i1 + k1 === i2 && j1 + k1 === j2) k1 += k2;
      else {
        if (k1) nonAdj.push([i1, j1, k1]);
        i1 = i2;
        j1 = j2;
        k1 = k2;
      }
    }
    if (k1) nonAdj.push([i1, j1, k1]);
    nonAdj.push([la, lb, 0]);
    this.blocks = nonAdj;
    return nonAdj;
  }

  getOpcodes(): Opcode[] {
    let i = 0;
    let j = 0;
    const answer: Opcode[] = [];
    for (const [ai, bj, size] of this.getMatchingBlocks()) {
      let tag: Opcode[0] | '' = '';
      if (i < ai && j < bj) tag = 'replace';
      else if (i < ai) tag = 'delete';
      else if (j < bj) tag = 'insert';
      if (tag) answer.push([tag, i, ai, j, bj]);
      i = ai + size;
      j = bj + size;
      if (size) answer.push(['equal', ai, i, bj, j]);
    }
    return answer;
  }

  ratio(): number {
    const matches = this.getMatchingBlocks().reduce((s, b) => s + b[2], 0);
    const l = this.a.length + this.b.length;
    return l ? (2 * matches) / l : 1;
  }
}

/** Which raw tokens survive in `out` (line diff first, then tokens inside differing blocks). */
export function align(raw: string, rt: Tok[], out: string): { kept: boolean[]; nOut: number } {
  const rl = raw.split('\n');
  const ol = out.split('\n');
  const starts: number[] = [];
  let o = 0;
  for (const l of rl) {
    starts.push(o);
    o += l.length + 1;
  }
  starts.push(o);
  const byLine: number[][] = rl.map(() => []);
  let li = 0;
  for (let i = 0; i < rt.length; i++) {
    const b = rt[i][1];
    while (starts[li + 1] <= b) li++;
    byLine[li].push(i);
  }
  const kept = new Array<boolean>(rt.length).fill(false);
  let nOut = 0;
  const sm = new SequenceMatcher(rl, ol);
  for (const [tag, a1, a2, b1, b2] of sm.getOpcodes()) {
    const idx: number[] = [];
    for (let l = a1; l < a2; l++) for (const i of byLine[l]) idx.push(i);
    if (tag === 'equal') {
      for (const i of idx) kept[i] = true;
      nOut += idx.length;
      continue;
    }
    const ot = b2 > b1 ? tokens(ol.slice(b1, b2).join('\n')).map((t) => t[0]) : [];
    nOut += ot.length;
    if (!idx.length || !ot.length) continue;
    const sub = new SequenceMatcher(
      idx.map((i) => rt[i][0]),
      ot,
    );
    for (const [ba, , size] of sub.getMatchingBlocks()) for (let j = ba; j < ba + size; j++) kept[idx[j]] = true;
  }
  return { kept, nOut };
}

export function norm(t: string | null | undefined): string {
  return (t || '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function titleMatch(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  return new SequenceMatcher(Array.from(a), Array.from(b)).ratio() >= 0.9;
}

// ---------------------------------------------------------------- scoring

export interface PredArticle {
  title: string | null;
  source: string | null;
}

export interface FileScore {
  file: string;
  tokens: number;
  residue_tokens: number;
  removed: number;
  tp: number;
  inserted: number;
  gold_articles: number;
  found_articles: number;
  title_hits_gold: number;
  title_hits_pred: number;
  src_ok: number;
  src_n: number;
  /** Wrongly removed (non-residue) tokens, in order. */
  fpText: string;
  /** Missed residue tokens, in order. */
  fnText: string;
  fpLines: string[];
  goldTitles: string[];
  predTitles: string[];
}

/** Token labels: a raw token is residue when more than half its characters are inside ⟦ ⟧. */
export function residueLabels(doc: AnnDoc, rt: Tok[]): boolean[] {
  const inres = new Uint8Array(doc.raw.length + 1);
  for (const [s, e] of doc.spans) for (let i = s; i < e; i++) inres[i] = 1;
  return rt.map(([, b, e]) => {
    let s = 0;
    for (let i = b; i < e; i++) s += inres[i];
    return s * 2 > e - b;
  });
}

export function scoreDoc(file: string, doc: AnnDoc, cleaned: string | null, arts: PredArticle[]): FileScore {
  const rt = tokens(doc.raw);
  const lab = residueLabels(doc, rt);
  let removed: boolean[];
  let inserted = 0;
  if (cleaned === null) removed = rt.map(() => false);
  else {
    const { kept, nOut } = align(doc.raw, rt, cleaned.replace(/\r\n/g, '\n'));
    removed = kept.map((k) => !k);
    inserted = nOut - kept.filter(Boolean).length;
  }
  let tp = 0;
  let nRemoved = 0;
  const fp: string[] = [];
  const fn: string[] = [];
  const fpLineSet = new Set<number>();
  const rawLines = doc.raw.split('\n');
  const lineStarts: number[] = [];
  {
    let o = 0;
    for (const l of rawLines) {
      lineStarts.push(o);
      o += l.length + 1;
    }
  }
  let li = 0;
  for (let i = 0; i < rt.length; i++) {
    while (li + 1 < lineStarts.length && lineStarts[li + 1] <= rt[i][1]) li++;
    if (removed[i]) nRemoved++;
    if (removed[i] && lab[i]) tp++;
    if (removed[i] && !lab[i]) {
      fp.push(rt[i][0]);
      fpLineSet.add(li);
    }
    if (!removed[i] && lab[i]) fn.push(rt[i][0]);
  }
  const gt = doc.articles.map((g) => norm(g.title));
  const pt = arts.map((x) => norm(x.title));
  const hitG = gt.filter((g) => pt.some((p) => titleMatch(g, p))).length;
  const hitP = pt.filter((p) => gt.some((g) => titleMatch(g, p))).length;
  let srcOk = 0;
  let srcN = 0;
  for (const g of doc.articles) {
    if (!g.source) continue;
    srcN++;
    for (const x of arts) {
      if (titleMatch(norm(g.title), norm(x.title))) {
        if (norm(x.source) === norm(g.source)) srcOk++;
        break;
      }
    }
  }
  return {
    file,
    tokens: rt.length,
    residue_tokens: lab.filter(Boolean).length,
    removed: nRemoved,
    tp,
    inserted,
    gold_articles: gt.length,
    found_articles: pt.length,
    title_hits_gold: hitG,
    title_hits_pred: hitP,
    src_ok: srcOk,
    src_n: srcN,
    fpText: fp.join(' '),
    fnText: fn.join(' '),
    fpLines: [...fpLineSet].sort((a, b) => a - b).map((l) => rawLines[l]),
    goldTitles: doc.articles.map((g) => g.title),
    predTitles: arts.map((a) => a.title ?? ''),
  };
}

export interface Summary {
  recall: number;
  precision: number;
  f1: number;
  titleRecall: number;
  titlePrecision: number;
  source: number;
  inserted: number;
  errors: number;
  files: number;
}

export function summarize(rows: FileScore[], errors = 0): Summary {
  const T = (k: keyof FileScore) => rows.reduce((s, r) => s + (r[k] as number), 0);
  const rec = T('tp') / Math.max(1, T('residue_tokens'));
  const prec = T('tp') / Math.max(1, T('removed'));
  const f1 = (2 * rec * prec) / Math.max(1e-9, rec + prec);
  return {
    recall: rec,
    precision: prec,
    f1,
    titleRecall: T('title_hits_gold') / Math.max(1, T('gold_articles')),
    titlePrecision: T('title_hits_pred') / Math.max(1, T('found_articles')),
    source: T('src_ok') / Math.max(1, T('src_n')),
    inserted: T('inserted'),
    errors,
    files: rows.length,
  };
}

export function summaryLine(s: Summary): string {
  const f = (x: number) => x.toFixed(3);
  return (
    `residue recall ${f(s.recall)} removal precision ${f(s.precision)} F1 ${f(s.f1)} | ` +
    `title recall ${f(s.titleRecall)} title precision ${f(s.titlePrecision)} source ${f(s.source)} | ` +
    `inserted ${s.inserted} errors ${s.errors} files ${s.files}`
  );
}
