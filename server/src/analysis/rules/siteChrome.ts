// site-chrome: navigation, share and comment furniture, tag lists, shelves, footers and
// page-end markers, when a phrase names them. Lines without such a phrase are left to the
// page classifier, which judges them by position and shape.
import { normalize, wordCount } from '../shape';
import { CHROME_LINES, CHROME_PREFIXES, CHROME_WEAK } from './phrases';
import { anyOf, lowerForPrecheck } from './precheck';
import type { InlineHit, LineHit } from './types';

/** "All rights reserved" in the languages the footers are written in: one list for the
 *  copyright line rule, its pre-check and the footer closer's test below. */
const RESERVED_PHRASES = [
  'all rights reserved', 'tous droits réservés', 'alle rechte vorbehalten', 'todos los derechos reservados', 'все права защищены', 'tutti i diritti riservati', 'todos os direitos reservados',
  'všechna práva vyhrazena', 'všetky práva vyhradené', 'toate drepturile rezervate', 'minden jog fenntartva', 'всички права запазени',
  'всі права захищені', 'sva prava pridržana', 'sva prava zadržana', 'kaikki oikeudet pidätetään', 'alle rettigheder forbeholdes',
  'alle rettigheter reservert', 'alla rättigheter förbehållna', 'wszelkie prawa zastrzeżone', 'alle rechten voorbehouden',
];
const RESERVED_ALT = `(?<![\\p{L}\\p{N}])(?:${RESERVED_PHRASES.join('|')})(?![\\p{L}\\p{N}])`;
const COPYRIGHT = new RegExp(`©|\\(c\\)\\s*\\d{4}|(?<![\\p{L}\\p{N}])copyright(?![\\p{L}\\p{N}])\\s*(?:©|\\d{4})|${RESERVED_ALT}`, 'iu');
const COPYRIGHT_KEYS = anyOf(['©', '(c', 'copyright', ...RESERVED_PHRASES]);
/** Exact pre-check (see precheck.ts): COPYRIGHT needs one of its words (and RESERVED below). */
function mayHaveCopyright(t: string): boolean {
  const lower = lowerForPrecheck(t);
  return lower === null || COPYRIGHT_KEYS.test(lower);
}
/** CHROME_PREFIXES by their first character, in list order (a line can only start with
 *  the prefixes that start with its own first character). */
const PREFIXES_BY_FIRST = new Map<number, string[]>();
for (const p of CHROME_PREFIXES) {
  const c = p.charCodeAt(0);
  if (!PREFIXES_BY_FIRST.has(c)) PREFIXES_BY_FIRST.set(c, []);
  PREFIXES_BY_FIRST.get(c)!.push(p);
}
const NO_PREFIXES: string[] = [];
const END_MARKER = /^[-–—]+\s*(?:ends?|end of story|fin|ende)\s*[-–—]*$/iu;
/** The banner some sites put over an old story ("This article is more than 3 months old"):
 *  a note about the page, not a line of the story (and never its headline). */
const AGE_BANNER =
  /^(?:this (?:article|story|post|content|page) (?:is|was published) (?:more than|over) (?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten) (?:days?|weeks?|months?|years?)(?: old| ago)?|dieser artikel ist (?:mehr als|über) \d{1,3} (?:tage|wochen|monate|jahre) alt|cet article (?:a|date de) plus de \d{1,3} (?:jours|semaines|mois|ans)|este artículo tiene más de \d{1,3} (?:días|semanas|meses|años))\.?$/iu;

/** How long the story takes to read ("5 min read", "Reading time: 7 minutes", "Lesezeit: 4
 *  Minuten", "3 min de lecture", "Время чтения: 5 мин", "読了時間 3分"): the page's gauge. */
const READING_TIME = new RegExp(
  '^(?:[|·•]\\s*)?(?:' +
    [
      '(?:estimated |average )?reading time\\s*:?(?:\\s*\\d{1,3}\\s*(?:min(?:ute)?s?|m)\\.?)?',
      '(?:\\d{1,3}\\s*)?(?:min(?:ute)?s?|m)\\.?\\s*(?:read|reading)',
      'lesezeit\\s*:?\\s*\\d{1,3}\\s*min(?:uten?|\\.)?', '\\d{1,3}\\s*min(?:uten?|\\.)?\\s*lesezeit',
      'temps de lecture\\s*:?\\s*\\d{1,3}\\s*min(?:utes?)?', '\\d{1,3}\\s*min(?:utes?)?\\s*de lecture',
      'tiempo (?:estimado )?de lectura\\s*:?\\s*\\d{1,3}\\s*min(?:utos?)?', '\\d{1,3}\\s*min(?:utos?)?\\s*de lectura',
      'tempo di lettura\\s*:?\\s*\\d{1,3}\\s*min(?:uti)?', '\\d{1,3}\\s*min(?:uti)?\\s*di lettura',
      'leestijd\\s*:?\\s*\\d{1,3}\\s*min(?:uten)?', '\\d{1,3}\\s*min(?:uten)?\\s*leestijd',
      'время чтения\\s*:?\\s*\\d{1,3}\\s*мин(?:ут[аы]?|\\.)?', '\\d{1,3}\\s*мин(?:ут[аы]?|\\.)?\\s*чтения',
      'czas czytania\\s*:?\\s*\\d{1,3}\\s*min(?:ut[ay]?|\\.)?', 'okuma süresi\\s*:?\\s*\\d{1,3}\\s*dk\\.?',
      '読了時間\\s*[:：]?\\s*(?:約)?\\d{1,3}\\s*分', '阅读时间\\s*[:：]?\\s*(?:约)?\\d{1,3}\\s*分钟', '\\d{1,3}\\s*분\\s*(?:읽기|소요)',
    ].join('|') +
    ')\\s*$',
  'iu',
);
const MAX_READING_TIME_CHARS = 50;

/** Links to the blog's neighbouring posts ("Previous Post", "Next articleHave the party at
 *  home", "← Previous Post Next Post →", "Article précédent", "次の記事"). The label must end
 *  the line or be followed by a colon, an arrow, another such label or the linked title's
 *  capital: "Next post, we will look at..." is a sentence. */
const POST_NAV = new RegExp(
  '^\\s*(?:[«‹←<]\\s*)?(?:' +
    [
      '(?:previous|prev|next|older|newer) (?:post|article|story|entry)', '(?:previous|prev|next|older|newer)(?:post|article)',
      'article (?:précédent|suivant)', '(?:vorheriger|nächster) (?:artikel|beitrag)', 'artículo (?:anterior|siguiente)', 'siguiente artículo',
      'articolo (?:precedente|successivo)', '(?:предыдущая|следующая) статья', '(?:vorige|volgende) (?:artikel|bericht)',
      '(?:poprzedni|następny) (?:artykuł|wpis)', '(?:önceki|sonraki) (?:yazı|haber)', 'bài (?:trước|tiếp theo)', '(?:artikel|postingan) (?:sebelumnya|selanjutnya)',
      '前の記事', '次の記事', '上一篇', '下一篇', '이전 글', '다음 글', 'المقال (?:السابق|التالي)',
    ].join('|') +
    ')',
  'iu',
);
/** What may follow a neighbouring-post label (tested on the original case): the linked
 *  title starts with a capital, glued or after a space ("Next Article Garmin Venu 4 review"). */
const POST_NAV_AFTER = /^(?:\s*$|\s*[:：»›→>|]|\s*\p{Lu}|\s*\p{Lo})/u;
const POST_NAV_PAIR = /^\s+(?:[«‹←<]\s*)?(?:previous|prev|next|older|newer)\s*(?:post|article|story|entry)(?![\p{L}\p{N}])/iu;
const MAX_POST_NAV_CHARS = 200;

/** The labels' first letters in Latin, Cyrillic and Arabic script (letters above U+24FF,
 *  CJK and Korean, go to the regex). */
const POST_NAV_FIRST = new Set([...'pnoavsbPNOAVSB«‹←<ÖöПпСсا']);
function mayOpenPostNav(line: string): boolean {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  if (i >= line.length) return false;
  const c = line.charCodeAt(i);
  return c > 0x24ff || POST_NAV_FIRST.has(line[i]);
}

/** Judged after the page classifier (lineRoles.ts): these lines sit among the article's last
 *  lines, and ruling them before it changes the context its boundary model reads. */
export function matchPostNav(line: string): LineHit | null {
  if (line.length > MAX_POST_NAV_CHARS || !mayOpenPostNav(line)) return null;
  const m = POST_NAV.exec(line);
  if (m === null) return null;
  const rest = line.slice(m[0].length);
  return POST_NAV_AFTER.test(rest) || POST_NAV_PAIR.test(rest) ? { rule: 'site-chrome', evidence: 'a link to the previous or next post' } : null;
}

/** Labels that, after the story, stand where it ends: the author box and the share bar
 *  ("About the author", "Über den Autor", "Share this article", "Teilen"). Alone they are
 *  furniture the classifier mostly finds; closers.ts reads them as the article's end. */
const END_LABEL =
  /^(?:about the authors?|author bio|post navigation|about the reviewers?|about (?:our|the) experts?|was this (?:page|article|post|story) helpful\??|über den autor|über die autorin|à propos de l['’]auteur|sobre el autor|sobre la autora|sobre o autor|sobre a autora|l['’]autore|об авторе|over de auteur|o autorze|yazar hakkında|tentang penulis|著者について|作者简介|기자 정보|share (?:this|the) (?:article|story|post|page)|share(?: on| this)?|teilen|diesen artikel teilen|partager(?: cet article)?|compartir(?: este artículo)?|condividi(?: questo articolo)?|compartilhe|поделиться|bagikan|paylaş)\s*[:：]?$/iu;
const MAX_END_LABEL_CHARS = 40;

export function isEndLabel(line: string): boolean {
  return line.length <= 2 * MAX_END_LABEL_CHARS && END_LABEL.test(line.trim());
}

/** A site's footer line: a copyright with a year, or "all rights reserved" ("© 2019 Sputnik.
 *  All rights reserved"), not a photo credit ("© Reuters"). */
const FOOTER_YEAR = /(?:©|\(c\)|copyright)\s*(?:\d{4}|[\p{L}\p{N} .,&'’-]{1,60}\d{4})(?!\d)/iu;
const RESERVED = new RegExp(RESERVED_ALT, 'iu');
const MAX_FOOTER_CHARS = 200;

export function isFooterCopyright(line: string): boolean {
  return line.length <= MAX_FOOTER_CHARS && mayHaveCopyright(line) && (FOOTER_YEAR.test(line) || RESERVED.test(line));
}

/** A rating widget's stars alone on a line ("★★★★☆", "☆ ★ ☆ ★ ☆", "★★★★★ (4.8)"): the
 *  picture of a score, left as text. */
const STAR_RATING = /^[★☆✩✪⭐\s]{3,}(?:\(?\d{1,3}(?:[.,]\d{1,2})?\)?)?$/u;

export function matchStarRating(line: string): LineHit | null {
  if (line.length > 120) return null;
  const t = line.trim();
  return t.length >= 3 && STAR_RATING.test(t) ? { rule: 'site-chrome', evidence: `a rating widget's stars ("${t.slice(0, 20)}")` } : null;
}

/** A tag list's line ("Tags: budget, parks", "Filed under: Politics", "Schlagworte: ..."). */
const TAG_LINE = /^\s*(?:tags|tagged|topics|filed under|categories|category|schlagworte|schlagwörter|stichwörter|mots-clés|etiquetas|temas|tag|теги|метки|etiketler|kata kunci)\s*[:：]/iu;
const MAX_TAG_LINE_CHARS = 400;

export function isTagLine(line: string): boolean {
  return line.length <= MAX_TAG_LINE_CHARS && TAG_LINE.test(line);
}

/** A cookie banner's text: the site says it uses cookies ("We use cookies to...", "Utilizamos
 *  cookies propias...", "当サイトではクッキーを使用"). An article about cookies does not speak as
 *  the site in its first words. */
const COOKIE_OPEN =
  /^(?:(?:this|our) (?:site|website|web ?site|page)s? (?:uses|use|is using)|we (?:and our (?:\p{L}+ )?partners )?(?:use|are using|may use|store)|cookies (?:help|are used|allow|enable)|by (?:continuing|using|clicking)|utilizamos|usamos|este sitio(?: web)? (?:utiliza|usa)|este site (?:utiliza|usa)|nous utilisons|ce site(?: web)? utilise|wir (?:verwenden|nutzen|setzen)|diese (?:website|webseite|seite) (?:verwendet|nutzt)|мы используем|этот сайт использует|kami menggunakan|situs ini menggunakan|utilizziamo|questo sito(?: web)? (?:utilizza|usa)|wij gebruiken|deze (?:website|site) gebruikt|bu (?:web ?)?site|sitemizde|używamy|ta strona (?:używa|korzysta)|používáme|používame|tento web (?:používá|používa)|tato stránka používá|folosim|acest site (?:folosește|utilizează)|ez a (?:weboldal|honlap) (?:használ|sütiket)|sütiket használunk|χρησιμοποιούμε|vi (?:använder|bruger|bruker)|käytämme|ми використовуємо|използваме|koristimo|ova stranica koristi)(?![\p{L}\p{N}])|^(?:当サイト|本サイト|このサイト|このウェブサイト|本网站|本網站|我们使用|我們使用|이 (?:웹)?사이트|당사는)/iu;
const COOKIE_WORD = /cookie|çerez|ciasteczk|süti|eväst|informasjonskapsl|бисквитк|kolačić|クッキー|쿠키/iu;
/** What a banner says cookies are for (a recipe's "we use a cookie cutter" says none of it). */
const COOKIE_PURPOSE =
  /experience|brows|website|site|navigat|traffic|personali[sz]|analy[sz]|consent|accept|agree|preferences|servic|experiencia|navegaci|expérience|erlebnis|erfahrung|webseite|сайт|опыт|pengalaman|situs|esperienza|sito|ervaring|deneyim|stránk|web|experienț|oldal|ιστότοπ|εμπειρ|webbplats|hjemmeside|nettsted|sivusto|stranic|сайт|досвід|サイト|ウェブ|사이트|웹|网站|網站/iu;
const MAX_COOKIE_CHARS = 600;

function matchCookieBanner(t: string): LineHit | null {
    // The anchored opening first: it fails at a line's first letters, where a search for the
  // word "cookie" would read the whole line.
  if (t.length > MAX_COOKIE_CHARS || !COOKIE_OPEN.test(t) || !COOKIE_WORD.test(t) || !COOKIE_PURPOSE.test(t)) return null;
  return { rule: 'site-chrome', evidence: 'a cookie banner ("' + t.slice(0, 30) + '...")' };
}

export function matchChromeLine(line: string): LineHit | null {
  const t = line.trim();
  if (t.length === 0) return null;
  if (t.length > 300) return matchCookieBanner(t);
  const cookie = matchCookieBanner(t);
  if (cookie) return cookie;
  if (END_MARKER.test(t)) return { rule: 'site-chrome', evidence: `the page-end marker "${t}"` };
  if (t.length <= 80 && AGE_BANNER.test(t)) return { rule: 'site-chrome', evidence: `the banner "${t}" over an old story` };
  if (t.length <= MAX_READING_TIME_CHARS && READING_TIME.test(t)) return { rule: 'site-chrome', evidence: `the reading-time gauge "${t}"` };
  const n = normalize(t);
  if (CHROME_LINES.has(n)) return { rule: 'site-chrome', evidence: `"${t}" is page furniture` };
  const words = wordCount(t);
  if (words <= 40) {
    const lower = lowerForPrecheck(t) ?? t.toLowerCase();
    for (const p of PREFIXES_BY_FIRST.get(lower.charCodeAt(0)) ?? NO_PREFIXES) {
      if (lower.startsWith(p)) return { rule: 'site-chrome', evidence: `starts with "${t.slice(0, p.length)}"` };
    }
    if (words <= 30 && mayHaveCopyright(t) && COPYRIGHT.test(t)) return { rule: 'site-chrome', evidence: 'a copyright footer' };
  }
  if (CHROME_WEAK.has(n)) return { rule: 'site-chrome', evidence: `"${t}" among other page furniture`, weak: true };
  return null;
}

const INLINE_END = /(?<=[.!?"”’)\]])(\s*[-–—]\s?Ends?)(?=\s|\(|\p{Lu}|$)/gu;
/** Capitalised labels glued onto the end of a paragraph ("...Reuters.Tune InMust Watch"). */
const TRAILING_LABELS = /(?:(?<=[.!?"”’)\]])|(?<=\p{Lu}\p{Ll}{2,}|\p{Lu}{2,}))((?:\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){0,2}){2,3})$/u;

/** False when the last character is ASCII and not a letter (then no label run ends there). */
function mayEndInLetter(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c >= 128 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function findInlineChrome(text: string): InlineHit[] {
  const hits: InlineHit[] = [];
  INLINE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  // INLINE_END is case-sensitive and needs "End"; TRAILING_LABELS ends in a letter.
  if (text.includes('End')) {
    while ((m = INLINE_END.exec(text))) {
      hits.push({ rule: 'site-chrome', start: m.index, end: m.index + m[1].length, evidence: `the page-end marker "${m[1].trim()}" glued into the text` });
    }
  }
  if (text.length >= 80 && mayEndInLetter(text)) {
    const tail = text.slice(-60);
    const t = TRAILING_LABELS.exec(tail);
    if (t) {
      const labels = t[1];
      // Labels glued without a space between them ("Tune In" + "Must Watch"); one of them
      // must be a furniture phrase, so a tail like "on YouTube TikTok" is never cut.
      const parts = labels.split(/(?<=\p{Ll})(?=\p{Lu})/u).map((p) => normalize(p));
      const furniture = parts.some((p) => CHROME_WEAK.has(p) || CHROME_LINES.has(p));
      if (parts.length >= 2 && furniture && wordCount(labels) <= 5) {
        const start = text.length - tail.length + t.index;
        hits.push({ rule: 'site-chrome', start, end: text.length, evidence: `widget labels "${labels}" glued onto the end of the paragraph` });
      }
    }
  }
  return hits;
}
