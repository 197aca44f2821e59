// Exact pre-checks that let most lines skip most rule regexes. A rule's case-insensitive
// regex (flags `iu`) can only match a line whose lower-cased text contains one of the
// rule's literal words, with one caveat: a few characters fold, under `iu`, to a letter
// that toLowerCase does not give them ("ſ" matches "s", the Kelvin sign "K" matches "k",
// Cyrillic "ᲀ" matches "в", ...). A line holding any of those gets no lower-cased text
// (null), and the caller runs the regex as before. So a pre-check never changes a result.

// Characters whose simple case folding differs from their toLowerCase (and may equal a
// letter of our phrase lists): µ ſ ͅ ς ϐ ϑ ϕ ϖ ϰ ϱ ϵ ᲀ-ᲈ ẛ ι(U+1FBE) Ω K Å, plus ẞ for safety.
const ODD_FOLD = /[\u00b5\u017f\u0345\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1c80-\u1c88\u1e9b\u1e9e\u1fbe\u2126\u212a\u212b]/;

let lastIn: string | null = null;
let lastOut: string | null = null;

/** The line lower-cased for literal pre-checks, or null when a pre-check would not be exact. */
export function lowerForPrecheck(t: string): string | null {
  if (t === lastIn) return lastOut;
  lastIn = t;
  lastOut = ODD_FOLD.test(t) ? null : t.toLowerCase();
  return lastOut;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A test for "contains one of these lower-case words" (plain, case-sensitive regex). */
export function anyOf(words: readonly string[]): RegExp {
  const uniq = [...new Set(words.map((w) => w.toLowerCase()))].sort((a, b) => b.length - a.length);
  return new RegExp(uniq.map(escape).join('|'));
}
