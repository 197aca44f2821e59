// promo: the site promoting itself: newsletters, subscriptions, apps, channels, courses.
// A promotion is short, speaks to the reader in the imperative or ends in a button, and
// names what it sells. Both parts are needed, so "Users can download the app" stays.
import { isHanOrKana } from '../script';
import { normalize, wordCount } from '../shape';
import type { LineHit } from './types';

const IMPERATIVE = /^(?:join|follow|subscribe|sign\s?up|download|install|get|register|enrol+|upgrade|unlock|claim|try|listen|watch|read|click|tap|stay|never miss|don'?t miss|abonniere|abonnieren|folge|folgen sie|laden sie|jetzt|abonnez|inscrivez|suivez|téléchargez|suscríbete|síguenos|descarga|únete|iscriviti|seguici|scarica|assine|siga|baixe|подпишитесь|подписывайтесь|скачайте|присоединяйтесь|ikuti|gabung|berlangganan|langganan|unduh|theo dõi|đăng ký|tải|abone ol|اشترك|اشتركوا|تابعونا|تابعوا|حمل|حمّل|schrijf je in|abonneer|volg ons|meld je aan|zapisz się|subskrybuj|obserwuj|pobierz|přihlaste se|odebírejte|sledujte|stáhněte|abonează-te|urmărește-ne|descarcă|iratkozz fel|töltsd le|kövess)(?![\p{L}\p{N}])/iu;
/** Asking the reader to follow the site where it posts: a social network is the product then
 *  ("Síguenos en Instagram"), but "Watch the speech on YouTube" is not a promotion. */
const FOLLOW = /^(?:follow|folge|folgen sie|suivez|síguenos|seguici|siga|segue|ikuti|theo dõi|подписывайтесь|تابعونا|تابعوا)(?![\p{L}\p{N}])/iu;
const SOCIAL = /(?<![\p{L}\p{N}])(?:instagram|facebook|youtube|tiktok|linkedin|threads|bluesky|mastodon|twitter|vk|вконтакте)(?![\p{L}\p{N}])/iu;
/** Verb-final languages put the imperative last: "Bizi Google News üzerinden takip edin". */
const IMPERATIVE_LAST = /(?<![\p{L}\p{N}])(?:takip edin|abone olun|indirin|katılın)[.!]?$/iu;
/** German and Dutch buttons end in the infinitive ("Newsletter abonnieren", "Nieuwsbrief
 *  ontvangen"), as subordinate clauses in their prose do: a button is a few words only. */
const INFINITIVE_BUTTON = /(?<![\p{L}\p{N}])(?:abonnieren|herunterladen|installieren|folgen|anmelden|registrieren|ontvangen)[.!]?$/iu;
const MAX_INFINITIVE_BUTTON_WORDS = 5;
const PRODUCT = /(?<![\p{L}\p{N}])(?:newsletter\p{L}*|nieuwsbrief|biuletyn\p{L}*|zpravodaj\p{L}*|hírlev\p{L}*|aplikac\p{L}*|aplicați\p{L}*|alkalmazás\p{L}*|channel|whatsapp|telegram|google news|apps?|inbox|podcasts?|subscriptions?|subscriber|premium|masterclass|course|webinar|alerts?|notifications?|membership|e-?paper|digital access|free trial|updates|briefing|push|kanal|abo|abonnement|lettre d'information|boletín|canal|newsletter|рассылк\p{L}*|канал\p{L}*|приложени\p{L}*|saluran|buletin|aplikasi|bülten|uygulama|kênh|bản tin|ứng dụng|نشرتنا|النشرة|قناتنا|التطبيق|تطبيق)(?![\p{L}\p{N}])/iu;
/** Exact pre-check for IMPERATIVE_LAST and INFINITIVE_BUTTON: the line ends in one of its verbs' last four letters
 *  (then an optional "." or "!"), so the unanchored regex runs on almost no line. */
function endsInVerbLast(n: string): boolean {
  let e = n.length;
  const c = n.charCodeAt(e - 1);
  if (c === 46 || c === 33) e--;
  const tail = n.slice(Math.max(0, e - 4), e);
  return tail === 'edin' || tail === 'olun' || tail === 'irin' || tail.endsWith('lın') || tail === 'eren' || tail === 'aden' || tail === 'lgen' || tail === 'lden' || tail === 'ngen';
}

/** Scripts without spaces: an action ("订阅", "購読", "구독") and a product ("新闻简报", "アプリ",
 *  "뉴스레터") anywhere in a short line. */
const UNSPACED_ACTION = /订阅|訂閱|关注我们|關注我們|下载|下載|購読|フォロー|ダウンロード|登録して|구독|팔로우|다운로드/u;
const UNSPACED_PRODUCT = /新闻简报|新聞簡報|电子报|公众号|客户端|频道|頻道|ニュースレター|メルマガ|アプリ|뉴스레터|채널|앱|app|newsletter/iu;
const MAX_UNSPACED_PROMO_CHARS = 60;

/** The line opens in kana, Han or Hangul (such a promotion is written in its script from the
 *  first character; a Latin line is turned away by one comparison). */
function hasUnspacedScript(t: string): boolean {
  const c = t.charCodeAt(0);
  return isHanOrKana(c) || (c >= 0xac00 && c <= 0xd7af); // Hangul syllables
}
const SELLING = /^(?:subscribe|sign\s?up|signup|abonnieren sie|jetzt abonnieren|abonnez-vous|suscríbete|suscribete|iscriviti|assine|подпишитесь)(?![\p{L}\p{N}])/iu;
const BUTTON_END = /(?:[-–—!|:.]\s*|\s)(?:join|install|subscribe|register|enrol+|download|sign up|apply|buy|book|start|claim)\s+(?:now|today|here|free)\.?$/iu;

/** Exact pre-check for BUTTON_END: the line ends in "now", "today", "here" or "free" (any
 *  case; these letters have no other case-insensitive matches), then an optional ".". */
function mayEndInButton(t: string): boolean {
  let e = t.length;
  if (t.charCodeAt(e - 1) === 46) e--;
  const tail = t.slice(Math.max(0, e - 5), e).toLowerCase();
  return tail.endsWith('now') || tail.endsWith('today') || tail.endsWith('here') || tail.endsWith('free');
}

// The fine print of a sign-up form: "By submitting this form, you agree to our Terms...",
// "This site is protected by reCAPTCHA...". It opens with how the reader signs up and goes on
// to what they agree to; both are needed ("By clicking on the map, readers can see..." stays).
const CONSENT_OPEN =
  /^(?:by\s+(?:submitting|clicking|tapping|providing|signing\s+up|subscribing|entering|registering|continuing|creating|joining|checking)|en\s+(?:vous\s+inscrivant|cliquant|soumettant|continuant)|al\s+(?:suscribirte|suscribirse|hacer\s+clic|registrarte|enviar)|ao\s+(?:se\s+inscrever|clicar|enviar|assinar)|mit\s+(?:der|dem|ihrer|deiner)\s+(?:anmeldung|klick|registrierung|absenden))(?![\p{L}\p{N}])/iu;
const CONSENT_AGREE =
  /(?<![\p{L}\p{N}])(?:agree|consent|authori[sz]e|accept|acknowledge|acceptez|accepte|aceptas|acepta|concorda|stimmen\s+sie|stimmst\s+du|einverstanden|zustimm)/iu;
const RECAPTCHA = /^this site is protected by recaptcha(?![\p{L}\p{N}])/iu;
const MAX_CONSENT_CHARS = 600;

function matchConsentLine(t: string): LineHit | null {
  if (t.length > MAX_CONSENT_CHARS) return null;
  if (RECAPTCHA.test(t)) return { rule: 'promo', evidence: 'the fine print of a sign-up form (reCAPTCHA notice)' };
  if (CONSENT_OPEN.test(t) && CONSENT_AGREE.test(t)) return { rule: 'promo', evidence: `the fine print of a sign-up form ("${t.split(/\s+/).slice(0, 3).join(' ')}... you agree")` };
  return null;
}

// A shop's button beside a product the article recommends: "Buy on Amazon", "$29 at
// Walmart", "See price at Best Buy". The store's name ends a short line that is nothing but
// the button (a sentence naming the store says more: "I bought mine on Amazon last year").
const STORE = '(?:amazon|walmart|target|best buy|ebay|etsy|home depot|lowe[\'’]s|wayfair|costco|macy[\'’]s|nordstrom|sephora|ulta|rei|b&h(?: photo)?|newegg|apple|bookshop(?:\\.org)?|barnes (?:&|and) noble)';
const STORE_BUTTON = new RegExp(`^(?:(?:buy|shop|order|read|get it|see it|view|see (?:the )?(?:price|deal)|check (?:the )?(?:price|deal)|check availability)(?: now)? (?:on|at|from)|[$€£]\\s?\\d[\\d.,]*(?: (?:at|from|on))?) ${STORE}(?:\\.com)?$`, 'iu');

/** A deal button or a price widget's label, with no store named ("View Deal", "Check Price",
 *  "Best Prices Today:", "Price comparison from over 24,000 stores worldwide"). */
const DEAL_BUTTON = /^(?:(?:view|see|get|shop|check) (?:the )?(?:deals?|prices?|offers?)|best prices today:?|price comparison from \S.{0,60})$/iu;

/** A call-to-action button alone on its line ("Learn More", "Book now", "Visit website",
 *  "Get started ›"): a sentence never is just that. */
const CTA_BUTTON = /^(?:learn more|book now|visit (?:the )?website|get the recipe|shop now|buy now|get started|get a quote|get quote|apply now|order now|download now|try (?:it )?(?:for )?free|start (?:your )?free trial|request a demo|book a demo|find out more|discover more|explore now|jump to (?:the )?(?:review|recipe|product|comments?)s?|print (?:the )?recipe|pin (?:this )?recipe|save (?:this )?recipe)\s*[›»→>]?$/iu;

/** A button alone on its line: a shop's, a price widget's, a call to action. Judged after the
 *  page classifier (like links to the neighbouring posts): the buttons sit among a review's
 *  product boxes, and ruled before it they change the layout it reads. */
export function matchButtonLine(line: string): LineHit | null {
  if (line.length > 80) return null;
  const t = line.trim();
  if (t.length < 6) return null;
  if (t.length <= 40 && STORE_BUTTON.test(t)) return { rule: 'promo', evidence: `a shop's button ("${t}")` };
  if (DEAL_BUTTON.test(t)) return { rule: 'promo', evidence: `a price widget's button or label ("${t}")` };
  return t.length <= 30 && CTA_BUTTON.test(t) ? { rule: 'promo', evidence: `a call-to-action button ("${t}")` } : null;
}

export function matchPromoLine(line: string): LineHit | null {
  const t = line.trim();
  if (t.length < 6) return null;
  const consent = matchConsentLine(t);
  if (consent) return consent;
  if (t.length > 240) return null;
  if (t.length <= MAX_UNSPACED_PROMO_CHARS && hasUnspacedScript(t) && UNSPACED_ACTION.test(t) && UNSPACED_PRODUCT.test(t)) {
    return { rule: 'promo', evidence: `speaks to the reader ("${t.slice(0, 12)}...") about a product of the site` };
  }
  const words = wordCount(t);
  if (words > 24) return null;
  if (mayEndInButton(t) && BUTTON_END.test(t)) return { rule: 'promo', evidence: `a promotion ending in the button "${t.slice(t.search(/\S+\s+\S+\.?$/u))}"` };
  const n = normalize(t);
  // Verbs that only ever sell the site itself need no product word: "Subscribe now and save".
  if (words <= 14 && SELLING.test(n)) return { rule: 'promo', evidence: `asks the reader to "${t.split(/\s+/).slice(0, 2).join(' ')}"` };
  const verbLast = endsInVerbLast(n) && (IMPERATIVE_LAST.test(n) || (words <= MAX_INFINITIVE_BUTTON_WORDS && INFINITIVE_BUTTON.test(n)));
  if (words <= 16 && (((IMPERATIVE.test(n) || verbLast) && PRODUCT.test(n)) || (FOLLOW.test(n) && SOCIAL.test(n)))) {
    return { rule: 'promo', evidence: `speaks to the reader ("${t.split(/\s+/).slice(0, 3).join(' ')}...") about a product of the site` };
  }
  return null;
}
