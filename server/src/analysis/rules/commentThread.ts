// A comment thread copied with the page: "Jane says:" / "December 19, 2025 at 13:01" / the
// comment / "Reply", again and again. The comments read like prose, so the page classifier
// alone tends to keep them; the author lines give the thread away. Two of them make a
// thread (one "The minister says:" line before a quote is an article's). Each comment runs
// from its author line to the next one; the last one is as long as the longest before it.
import type { BlockHit } from './types';
import { rememberedTest, type LineFacts } from '../lineMemo';
import { isTimeLine, wordCount } from '../shape';

/** What a comment's author line ends in: "Jane says:", "Anna sagt:", "Karl a écrit :". */
const VERBS = [
  'says', 'said', 'wrote', 'writes', 'commented', 'replied', 'responded', 'sagt', 'schreibt', 'meint', 'kommentierte', 'dit',
  'écrit', 'dice', 'escribió', 'comentó', 'diz', 'escreveu', 'scrive', 'scritto', 'pisze', 'napisał', 'zegt', 'schreef',
  'skriver', 'пишет', 'написал', 'написала', 'napsal', 'napsala', 'napísal', 'napísala', 'a scris', 'írta', 'έγραψε',
  'написав', 'napisao', 'napisala', 'kirjoitti', 'skrev',
];
/** The name before the verb: one to 61 characters. */
const MAX_NAME = 61;
const SENT_END = /[.!?…]["'”’»)\]]*$/u;

export interface CommentBlock extends BlockHit {
  /** The post's title, when the section's label quotes it ("59 Comments on “Title”"). */
  title?: string;
}

function words(t: string): number {
  const s = t.trim();
  return s === '' ? 0 : s.split(/\s+/u).length;
}

function isAuthorLine(t: string): boolean {
  // Length first: the colon's strip below would rescan a long run of spaces at every position.
  const trimmed = t.trim();
  if (trimmed.length === 0 || trimmed.length > 82) return false;
  const s = trimmed.endsWith(':') ? trimmed.slice(0, -1).trimEnd() : trimmed;
  if (s.length === 0 || s.length > 80) return false;
  const lower = s.toLowerCase();
  const verb = VERBS.find((v) => lower.endsWith(v) && /\s/u.test(lower[lower.length - v.length - 1] ?? ''));
  if (verb === undefined) return false;
  const name = s.slice(0, s.length - verb.length - 1);
  return name.length >= 1 && name.length <= MAX_NAME && !/^\s/u.test(name) && words(t) <= 8 && !SENT_END.test(s);
}

/** A comment longer than this many lines is not a comment: the thread has ended. */
const MAX_COMMENT_LINES = 12;

/** `facts`, when given, are the lines' LineFacts: the author-line test is remembered there. */
export function findCommentBlocks(lines: readonly string[], facts?: readonly LineFacts[]): CommentBlock[] {
  const authors: number[] = [];
  for (let i = 0; i < lines.length; i++) if (rememberedTest(lines[i], facts?.[i], 'author', isAuthorLine)) authors.push(i);
  if (authors.length < 2) return [];
  const blocks: CommentBlock[] = [];
  let longest = 1;
  for (let a = 0; a < authors.length; a++) {
    const first = authors[a];
    const next = a + 1 < authors.length ? authors[a + 1] : -1;
    let last: number;
    if (next >= 0 && next - first <= MAX_COMMENT_LINES) {
      last = next - 1;
      longest = Math.max(longest, next - first);
    } else {
      // The thread's last comment (or the end of a run): no longer than the longest seen.
      last = Math.min(lines.length - 1, first + longest - 1);
    }
    while (last > first && lines[last].trim() === '') last--;
    const name = lines[first].trim();
    blocks.push({ first, last, rule: 'site-chrome', evidence: `a reader comment ("${name.length > 40 ? name.slice(0, 39) + '…' : name}", one of ${authors.length} in a thread)` });
  }
  return blocks;
}

// A comment section with no "says:" lines: a label ("36 Comments", "Discussion about this
// post", "Kommentare"), then comments whose every one carries the same small furniture: a
// time ("2 days ago at 07:52 am", "8d"), an action ("Reply", "Like", "Flag as
// Inappropriate"), a score ("Rating: 36 Votes", "(Score:2)"). Three or more such lines, each
// a comment's length from the last, make a thread. A live blog also repeats times, but it is
// the story: a comment section follows the story, so more long prose lies above its label
// than (half) below its end.

/** A label names the section: a short line with the word for comments in it. */
const LABEL_WORDS =
  /(?:^|[\s[(\d])(?:comments?|discussion|replies|responses|reactions|kommentare?|kommentarer|kommentit|commentaires?|comentarios?|commenti|comentários|reacties|opmerkingen|komentarze|komentáře|komentáre|comentarii|komentari|коментари|коментарі|hozzászólások|σχόλια|комментари\p{L}*|yorumlar|yorum|komentar|bình luận|تعليقات|التعليقات|टिप्पणियां|टिप्पणियाँ)(?:$|[\s\]):])/iu;
/** A comment section's bare label: the word alone, or with its count ("Comments", "12
 *  Comments", "Kommentare (3)", "Leave a comment", "댓글"). Stricter than LABEL_WORDS: the
 *  label alone, with no comment found under it, is what closers.ts reads as the end of the
 *  story. "Response:" or "Reply" in an article's Q&A is no such label. */
const BARE_LABEL =
  /^(?:\d{1,5}\s+)?(?:comments|responses|replies|kommentare|kommentarer|kommentit|commentaires|comentarios|commenti|comentários|reacties|komentarze|komentáře|komentáre|comentarii|komentari|коментари|коментарі|hozzászólások|σχόλια|комментарии|yorumlar|komentar|bình luận|التعليقات|تعليقات|टिप्पणियां|コメント|评论|評論|留言|댓글)(?:\s*[(（]\d{1,5}[)）])?\s*:?$|^\d{1,5}\s+(?:comment|response|reply|kommentar|commentaire|comentario|commento|comentário|reactie|komentarz|комментари\p{L}*|yorum)$|^(?:leave|post|add|write) (?:a|your) (?:comment|reply)$|^join (?:the )?(?:discussion|conversation)$|^(?:show|view|see|read|load|hide) (?:all )?(?:\d{1,5} )?(?:comments|replies)$|^(?:log|sign) in to (?:comment|reply)$|^be the first to comment$|^(?:kommentar schreiben|laisser un commentaire|deja un comentario|lascia un commento|deixe um comentário|оставить комментарий|yorum yap|tinggalkan komentar)$/iu;
const MAX_BARE_LABEL_CHARS = 40;

export function isBareCommentLabel(line: string): boolean {
  return line.length <= 2 * MAX_BARE_LABEL_CHARS && BARE_LABEL.test(line.trim());
}

/** Scripts without spaces: the word may sit anywhere in the short label ("3件のコメント"). */
const LABEL_WORDS_UNSPACED = /コメント|评论|評論|留言|댓글/u;
const MAX_UNSPACED_LABEL_CHARS = 20;
const MAX_LABEL_CHARS = 80;
const MAX_LABEL_WORDS = 6;
/** The blog form names the post: "59 Comments on “Title”", "2 responses to “Title”",
 *  "One thought on “Title”", "3 Kommentare zu „Titel“" (the title may be long). */
const TITLED_LABEL =
  /^(?:\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|ein|eine|un|une|uno|una|um|uma)\s+(?:thoughts?|comments?|responses?|replies|reply|reactions?|kommentare?|gedanken|antworten|commentaires?|réponses?|comentarios?|respuestas?|commenti|risposte|comentários|respostas|reacties?|komentarze?|odpowiedzi|комментари\p{L}*|отзыв\p{L}*)\s+(?:on|to|for|zu|auf|sur|à|en|a|para|em|su|per|op|bij|do|na|к|на)\s+["“”„«‘’'‹]/iu;
const MAX_TITLED_LABEL_CHARS = 300;
const QUOTES = '"“”„«»‘’\'‹›';
/** The buttons under a comment. */
const ACTIONS =
  /^(?:reply|replies|like|likes|report|flag|share|vote|votes|upvote|downvote|antworten|répondre|responder|rispondi|beantwoorden|reageer|odpowiedz|ответить|svara|svar|yanıtla|cevapla|balas|trả lời)(?![\p{L}\p{N}])/iu;
/** The same in scripts without spaces, where a letter may follow ("返信する"). */
const ACTIONS_UNSPACED = /^(?:返信|回复|回覆|답글|답장|いいね|赞|讚)/u;
const SCORES =
  /\(score:\s*-?\d|^rating:\s*-?\d+\s+votes?$|^\d+\s+(?:likes?|votes?|points?|replies)$|^\d{1,3}[smhdw]$|^expand full comment$|^flag as inappropriate$|^reply to this\b/iu;
/** "2 days ago at 07:52 am": a relative time with the clock time comment systems add. */
const COMMENT_TIME = /^(?:an?|\d{1,3})\s+(?:min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?|years?)\s+ago\s+at\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?$/iu;
const MAX_META_CHARS = 100;
const MAX_META_WORDS = 12;
/** Non-blank lines from the label to the first comment line, and between comment lines. */
const MAX_LEAD = 8;
const MAX_COMMENT = 12;
const MIN_META = 3;
/** Long prose lines (the story's paragraphs, or a comment's) have this many words. */
const PROSE_WORDS = 20;

/**
 * The post's title as a blog's comment label quotes it ("34 responses to “Anthony Lynn:
 * “We needed to win this game””" gives "Anthony Lynn: “We needed to win this game”"), or null.
 */
export function titleInCommentLabel(t: string): string | null {
  if (t.length > 2 * MAX_TITLED_LABEL_CHARS) return null;
  const s = t.trim();
  const m = isTitledLabel(s) ? TITLED_LABEL.exec(s) : null;
  if (!m) return null;
  // The label's closing quote ends the line: drop it (a quote inside the title stays).
  const title = s.slice(m[0].length, -1).trim();
  return title.length >= 3 ? title : null;
}

function isSectionLabel(t: string): boolean {
  if (t.length > 2 * MAX_TITLED_LABEL_CHARS) return false;
  // A line too long for a plain label must end in a quote to be a titled one: ask that first.
  if (t.length > 2 * MAX_LABEL_CHARS && !QUOTES.includes(t.charAt(lastNonSpace(t)))) return false;
  const s = t.trim();
  if (s.length > MAX_LABEL_CHARS) return isTitledLabel(s);
  if (s.length === 0) return false;
  if (s.length <= MAX_UNSPACED_LABEL_CHARS && LABEL_WORDS_UNSPACED.test(s)) return true;
  return (wordCount(s) <= MAX_LABEL_WORDS && LABEL_WORDS.test(s)) || isTitledLabel(s);
}

function lastNonSpace(t: string): number {
  let i = t.length - 1;
  while (i >= 0 && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9)) i--;
  return i;
}

/** The whole line is the label: it ends with the title's closing quote (a sentence that
 *  begins "12 comments on “the plan” were..." goes on past it). */
function isTitledLabel(s: string): boolean {
  return s.length <= MAX_TITLED_LABEL_CHARS && QUOTES.includes(s.charAt(s.length - 1)) && TITLED_LABEL.test(s);
}

function isCommentMeta(t: string): boolean {
  if (t.length > 4 * MAX_META_CHARS) return false;
  const s = t.trim();
  if (s.length === 0 || s.length > MAX_META_CHARS || wordCount(s) > MAX_META_WORDS) return false;
  return isTimeLine(s) || COMMENT_TIME.test(s) || ACTIONS.test(s) || ACTIONS_UNSPACED.test(s) || SCORES.test(s);
}

/** `facts`, when given, are the lines' LineFacts: the label test is remembered there. */
export function findCommentSections(lines: readonly string[], facts?: readonly LineFacts[]): CommentBlock[] {
  // Most segments have no label at all: find one before building anything.
  let anyLabel = false;
  for (let i = 0; i < lines.length && !anyLabel; i++) anyLabel = rememberedTest(lines[i], facts?.[i], 'commentLabel', isSectionLabel);
  if (!anyLabel) return [];
  const nb: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i].trim() !== '') nb.push(i);
  // prose[k]: words in long prose lines among the first k non-blank lines (built when needed)
  let prose: number[] | null = null;
  const proseSums = (): number[] => {
    const sums = new Array<number>(nb.length + 1).fill(0);
    for (let k = 0; k < nb.length; k++) {
      const w = wordCount(lines[nb[k]]);
      sums[k + 1] = sums[k] + (w >= PROSE_WORDS ? w : 0);
    }
    return sums;
  };
  const blocks: CommentBlock[] = [];
  for (let a = 0; a < nb.length; a++) {
    if (!rememberedTest(lines[nb[a]], facts?.[nb[a]], 'commentLabel', isSectionLabel)) continue;
    const metas: number[] = [];
    let prev = a;
    for (let b = a + 1; b < nb.length && b - prev <= (metas.length > 0 ? MAX_COMMENT : MAX_LEAD); b++) {
      if (isCommentMeta(lines[nb[b]])) {
        metas.push(b);
        prev = b;
      }
    }
    if (metas.length < MIN_META) continue;
    // The last comment runs past its furniture line as far as the longest gap between two.
    let longest = 1;
    for (let k = 1; k < metas.length; k++) longest = Math.max(longest, metas[k] - metas[k - 1]);
    const end = Math.min(nb.length - 1, metas[metas.length - 1] + longest);
    prose ??= proseSums();
    const above = prose[a];
    const below = prose[nb.length] - prose[end + 1];
    // Lines inside this span need not be tried as labels again: linear overall.
    const first = nb[a];
    const label = lines[first].trim();
    a = end;
    if (2 * above <= below) continue;
    const title = titleInCommentLabel(label);
    blocks.push({
      first,
      last: nb[end],
      rule: 'site-chrome',
      ...(title !== null ? { title } : {}),
      evidence: `a reader comment section ("${label.length > 40 ? label.slice(0, 39) + '…' : label}", then ${metas.length} comment time, reply or score lines)`,
    });
  }
  return blocks;
}
