// Exact pre-checks that let most lines skip most rule regexes. A rule's case-insensitive
// regex (flags `iu`) can only match a line whose lower-cased text contains one of the
// rule's literal words, with one caveat: a few characters fold, under `iu`, to a letter
// that toLowerCase does not give them ("ſ" matches "s", the Kelvin sign "K" matches "k",
// Cyrillic "ᲀ" matches "в", ...). A line holding any of those gets no lower-cased text
// (null), and the caller runs the regex as before. So a pre-check never changes a result.

// Characters whose simple case folding differs from their toLowerCase (and may equal a
// letter of our phrase lists): µ ſ ͅ ς ϐ ϑ ϕ ϖ ϰ ϱ ϵ ᲀ-ᲈ ẛ ι(U+1FBE) Ω K Å, plus ẞ for safety.
// (A loop over the code units, not the regex /[\u00b5\u017f...]/ it replaces: the regex was
// 3% of a big dump's analysis, scanning every paragraph the inline rules look at.)
function isOddFold(c: number): boolean {
  if (c < 0x3c2) return c === 0xb5 || c === 0x17f || c === 0x345;
  if (c < 0x1c80) return c === 0x3c2 || c === 0x3d0 || c === 0x3d1 || c === 0x3d5 || c === 0x3d6 || c === 0x3f0 || c === 0x3f1 || c === 0x3f5;
  return c <= 0x1c88 || c === 0x1e9b || c === 0x1e9e || c === 0x1fbe || c === 0x2126 || c === 0x212a || c === 0x212b;
}

function hasOddFold(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xb5 && isOddFold(c)) return true;
  }
  return false;
}

let lastIn: string | null = null;
let lastOut: string | null = null;

/** The line lower-cased for literal pre-checks, or null when a pre-check would not be exact. */
export function lowerForPrecheck(t: string): string | null {
  if (t === lastIn) return lastOut;
  lastIn = t;
  lastOut = hasOddFold(t) ? null : t.toLowerCase();
  return lastOut;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A test for "contains one of these lower-case words" (plain, case-sensitive regex). */
export function anyOf(words: readonly string[]): RegExp {
  const uniq = [...new Set(words.map((w) => w.toLowerCase()))].sort((a, b) => b.length - a.length);
  return new RegExp(uniq.map(escape).join('|'));
}
