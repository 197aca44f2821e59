// Scripts written without spaces between words: Chinese and Japanese (Han, kana), Thai, Lao,
// Khmer, Myanmar. Every judgement of a line's shape (word counts, "prose", "short link-like
// line", the page classifier's features) counts words by spaces, so a Chinese paragraph of
// 80 characters reads as one word: a menu item. Lines in these scripts are judged in a
// word-spaced copy instead: a space after every WORD_CHARS letters of a run, about the
// length of a word (Chinese words average under two characters, Thai ones about four or
// five). The copy is only looked at; offsets, fixes and what is shown come from the text.

/** Letters per pseudo-word in each script family. */
const CJK_WORD = 2;
const SEA_WORD = 4;

/** 1: Han or kana; 2: Thai, Lao, Khmer, Myanmar; 0: anything else. */
function family(c: number): number {
  if (c < 0x0e00) return 0;
  if (c <= 0x0eff) return 2; // Thai, Lao
  if (c >= 0x1000 && c <= 0x109f) return 2; // Myanmar
  if (c >= 0x1780 && c <= 0x17ff) return 2; // Khmer
  if (c >= 0x3040 && c <= 0x30ff) return 1; // Hiragana, Katakana
  if (c >= 0x3400 && c <= 0x4dbf) return 1; // Han extension A
  if (c >= 0x4e00 && c <= 0x9fff) return 1; // Han
  if (c >= 0xf900 && c <= 0xfaff) return 1; // Han compatibility
  return 0;
}

/** A Han or kana letter (the scripts written without spaces that rules name words in). */
export function isHanOrKana(c: number): boolean {
  return family(c) === 1;
}

/** The line as its shape should be judged: unchanged unless it has unspaced-script letters. */
export function wordSpaced(t: string): string {
  let i = 0;
  const n = t.length;
  while (i < n && family(t.charCodeAt(i)) === 0) i++;
  if (i === n) return t;
  let out = t.slice(0, i);
  let run = 0;
  let runFamily = 0;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    const f = family(c);
    if (f === 0) {
      // Ideographic punctuation (、。，！？「」) and anything else end the run.
      run = 0;
      out += t[i];
      continue;
    }
    if (run > 0 && (f !== runFamily || run % (f === 1 ? CJK_WORD : SEA_WORD) === 0)) out += ' ';
    // A run starts a word of its own after punctuation or Latin letters ("iPhone发布").
    else if (run === 0 && out.length > 0 && !isSpaceOrOpen(out.charCodeAt(out.length - 1))) out += ' ';
    out += t[i];
    run++;
    runFamily = f;
  }
  return out;
}

function isSpaceOrOpen(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0x300c || c === 0x300e || c === 0xff08 || c === 0x201c || c === 40 || c === 34;
}
