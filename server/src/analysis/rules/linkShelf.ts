// A shelf of links to other stories: a label ("Related articles", "More on Kellogg:", "DON'T
// MISS", "Lesen Sie auch", "関連記事") alone on its line, then the linked headlines, one per
// line, with no text of their own. The label alone is caught by the phrase lists; the
// headlines under it are short title-shaped lines that the page classifier, seeing them
// inside the article, tends to keep. The shelf ends at the first line that is not a title;
// the last title right above a paragraph is kept, since it may be a subheading that
// introduces the paragraph. A shelf whose teasers carry their excerpts is the page
// classifier's to judge.
import { rememberedTest, type LineFacts } from '../lineMemo';
import type { BlockHit } from './types';
import { isTimeLine, wordCountUpTo } from '../shape';

/** A shelf that ranks the site's stories by readers, in languages other than English: a label
 *  (LABEL) and the "most read" closer's label (POPULARITY) both. */
const MOST_READ_ELSEWHERE = [
  'meistgelesen', 'am meisten gelesen', 'les plus lus', 'lo más leído', 'lo más visto', 'più letti', 'mais lidas', 'самое читаемое',
  '人気記事', '热门文章', '많이 본 뉴스', 'nejčtenější', 'najčítanejšie', 'cele mai citite', 'legolvasottabb', 'τα πιο δημοφιλή', 'δημοφιλή',
  'най-четени', 'найпопулярніше', 'najčitanije', 'luetuimmat', 'mest læste', 'mest lest', 'mest lästa', 'najczęściej czytane',
  'meest gelezen', 'en çok okunanlar',
];

/** The label: the whole line, maybe with a colon. "More on|from|about X" names up to four words. */
const LABEL = new RegExp(
  '^(?:' +
    [
      "related(?: (?:articles?|stories|posts|content|reading|coverage|news|links|videos?))?",
      'see also', 'read (?:more|next|also)', 'read more (?:news|stories|articles)(?: (?:on|about|from|in)(?: \\S+(?: \\S+){0,3})?)?', 'also read', 'also see', 'must read',
      'more (?:stories|articles|news|videos?|coverage|reading)', 'more (?:on|from|about|in) \\S+(?: \\S+){0,3}',
      'you (?:may|might) also (?:like|enjoy|be interested in)', 'recommended(?: for you| reading| articles| stories)?',
      'popular(?: (?:posts|articles|stories|now))?', 'trending(?: (?:now|stories|articles))?',
      'latest(?: (?:news|articles|posts|stories|videos?))?', 'most (?:read|popular|viewed|shared|commented)(?: (?:articles|stories|posts|videos?|news|now|today|this week))?',
      'further reading', 'explore more', 'keep reading', 'up next', 'next up(?: (?:in|on|from) \\S+(?: \\S+){0,3})?', "don[’']?t miss", "editor[’']?s (?:picks?|choice)",
      'top stories', 'in case you missed it', 'icymi', 'what to read next',
      // de, fr, es, it, pt, nl, pl, ru, ja, zh, ko, ar, hi
      'mehr zum thema', 'auch interessant', 'lesen sie auch', 'das könnte sie auch interessieren', 'weitere artikel',
      'à lire aussi', 'lire aussi', 'sur le même sujet', 'articles similaires', 'leer más', 'lea también', 'te puede interesar',
      'noticias relacionadas', 'artículos relacionados', 'leggi anche', 'articoli correlati', 'potrebbe interessarti',
      'leia também', 'veja também', 'notícias relacionadas', 'lees ook', 'meer over \\S+(?: \\S+){0,2}', 'gerelateerde artikelen',
      'czytaj też', 'czytaj także', 'zobacz też', 'читайте также', 'похожие статьи', 'смотрите также', 'по теме',
      '関連記事', '相关阅读', '相关文章', '相關文章', '관련 기사', '관련기사', 'اقرأ أيضا', 'اقرأ أيضًا', 'यह भी पढ़ें',
      // id, tr, vi, es, pt, de, fr, ar, ja, zh, ko (more)
      'baca juga', 'lihat juga', 'berita terkait', 'artikel terkait', 'ilgili haberler', 'bunlar da ilginizi çekebilir',
      'tin liên quan', 'bài viết liên quan', 'ver también', 'más noticias', 'mais notícias', 'weitere nachrichten',
      'à lire également', 'أخبار ذات صلة', 'مقالات ذات صلة', 'おすすめ記事', '推荐阅读', '추천 기사',
      // cs, sk, ro, hu, el, bg, uk, hr/sr, fi, da, no, sv
      'související články', 'čtěte také', 'čtěte též', 'další články', 'súvisiace články', 'čítajte aj', 'articole similare',
      'articole asemănătoare', 'știri similare', 'citește și', 'kapcsolódó cikkek', 'ezt is ajánljuk', 'σχετικά άρθρα',
      'διαβάστε επίσης', 'свързани статии', 'прочетете още', 'още по темата', 'читайте також', 'схожі новини', 'povezani članci',
      'povezane vijesti', 'povezane vesti', 'pročitajte još', 'pročitajte i', 'aiheeseen liittyvät', 'lue myös', 'relaterede artikler',
      'læs også', 'relaterte artikler', 'les også', 'relaterade artiklar', 'läs också', 'läs mer',
      // "Most read" shelves in other languages (the English ones are above, with their nouns)
      ...MOST_READ_ELSEWHERE,
    ].join('|') +
    ')\\s*[:：]?$',
  'iu',
);
const MAX_LABEL_CHARS = 60;
/** A linked headline: a few words, not starting lower-case, no sentence or list punctuation at its end. */
const MIN_TITLE_WORDS = 3;
const MAX_TITLE_WORDS = 20;
const TITLE_END = /[.,;:]$/u;
/** A shorter line inside a shelf ("Video", "Kellogg MBA Interview Guide"). */
const MAX_SHORT_CHARS = 40;
/** The first paragraph after the shelf. */
const PARAGRAPH_WORDS = 20;
const MAX_ENTRIES = 15;
const MIN_ENTRIES = 2;
/** "By Jane Doe": the lead word in either case, the name capitalised. */
const BYLINE = /^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Aa]f|[Pp]rzez)\s+\p{Lu}/u;

/** "More" and a column's or section's name in capitals ("More Proof Points", "More Business
 *  News"): a shelf of the site's other stories. */
const MORE_NAMED = /^More(?: (?:\p{Lu}[\p{L}\p{N}'’&-]*|&)){1,4}\s*[:：]?$/u;

function isLabel(t: string): boolean {
  // Turkish "İ" does not match "i" under /iu (it folds to "i" and a combining dot): read it as "I".
  return t.length > 0 && t.length <= MAX_LABEL_CHARS && !/^\p{Ll}/u.test(t) && (LABEL.test(t.includes('İ') ? t.replace(/İ/g, 'I') : t) || MORE_NAMED.test(t));
}

function isTitle(t: string): boolean {
  const w = wordCountUpTo(t, MAX_TITLE_WORDS + 1);
  return w >= MIN_TITLE_WORDS && w <= MAX_TITLE_WORDS && !/^\p{Ll}/u.test(t) && !TITLE_END.test(t);
}

function isShortEntry(t: string): boolean {
  return t.length <= MAX_SHORT_CHARS && !/^\p{Ll}/u.test(t) && !/[.!?。！？]$/u.test(t);
}

/** A shelf label that ranks the site's stories by readers ("Most read", "Trending now",
 *  "Popular", "Meistgelesen", "Les plus lus", "Lo más leído"). */
const POPULARITY = new RegExp(`^\\s*(?:most (?:read|popular|viewed|shared|commented)|trending|popular|${MOST_READ_ELSEWHERE.join('|')})(?![\\p{L}])`, 'iu');

export function isPopularityLabel(line: string): boolean {
  return line.length <= 4 * MAX_LABEL_CHARS && POPULARITY.test(line);
}

/** A label line, however it is padded (a longer line is no label: not worth a trim). */
export function isLabelLine(line: string): boolean {
  return line.length <= 4 * MAX_LABEL_CHARS && isLabel(line.trim());
}

/** `facts`, when given, are the lines' LineFacts: the label test is remembered there. */
export function findShelfBlocks(lines: readonly string[], facts?: readonly LineFacts[]): BlockHit[] {
  const blocks: BlockHit[] = [];
  // Above the story's first paragraph a label is more often the page's menu or a kicker
  // over the headline ("Latest", "Trending"), and the "entries" under it the headline itself.
  let storyStarted = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!storyStarted && wordCountUpTo(line, PARAGRAPH_WORDS) >= PARAGRAPH_WORDS) storyStarted = true;
    if (!storyStarted || !rememberedTest(line, facts?.[i], 'shelfLabel', isLabelLine)) continue;
    const label = line.trim();
    const entries: number[] = [];
    let k = i + 1;
    for (; k < lines.length && entries.length < MAX_ENTRIES; k++) {
      const t = lines[k].trim();
      if (t === '') continue;
      // A byline or a date under an entry makes that entry a story's own headline: the
      // shelf ended above it.
      if (isTimeLine(t) || BYLINE.test(t)) {
        entries.pop();
        break;
      }
      // the first entry must be a headline; after it, shorter link lines may come too
      if (!isTitle(t) && !(entries.length > 0 && isShortEntry(t))) break;
      entries.push(k);
    }
    while (k < lines.length && lines[k].trim() === '') k++;
    if (k < lines.length && wordCountUpTo(lines[k], PARAGRAPH_WORDS) >= PARAGRAPH_WORDS) {
      // The title right above the paragraph (and the short lines between them, "Image",
      // "Updated") may be the paragraph's subheading or the story's own headline.
      while (entries.length > 0 && !isTitle(lines[entries[entries.length - 1]].trim())) entries.pop();
      entries.pop();
    }
    if (entries.length < MIN_ENTRIES) continue;
    blocks.push({
      first: i,
      last: entries[entries.length - 1],
      rule: 'site-chrome',
      evidence: `a shelf of links to other stories ("${label}", then ${entries.length} headlines)`,
    });
    i = entries[entries.length - 1];
  }
  return blocks;
}
