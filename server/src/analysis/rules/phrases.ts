// Phrase tables for whole-line matching. A line matches when its normalised text (see
// shape.normalize) equals an entry, or starts with an entry listed as a prefix. Entries are
// lower-case. Lists are multilingual on purpose: scrapers copy the same furniture in every
// language, and a line that is only "Anzeige" is as much residue as "Advertisement".

export function phraseSet(list: readonly string[]): Set<string> {
  // (Turkish dotless "ı" folded to "i", as normalize() folds the lines.)
  return new Set(list.map((s) => s.toLowerCase().replace(/ı/g, 'i')));
}

/** Widget names: these words name an ad network, so a short line with them is a label. */
export const WIDGET_NETWORKS = /\b(?:taboola|outbrain|revcontent|mgid|zergnet|dianomi|nativo|plista|ligatus|adblade|content\.ad|yieldmo|teads|powerinbox)\b/i;

/** Labels that open (or repeat inside) a sponsored-links widget. */
export const WIDGET_LABELS = phraseSet([
  'by taboola', 'taboola', 'by outbrain', 'outbrain', 'recommended by', 'recommended by outbrain',
  'sponsored links', 'sponsored link', 'promoted links', 'promoted link', 'promoted stories',
  'promoted content', 'sponsored stories', 'sponsored content', 'sponsored', 'paid content',
  'paid post', 'partner content', 'from our partners', 'around the web', 'from the web',
  'you may like', 'you might like', 'you may also like', 'you might also like',
  'ads by revcontent', 'ads by mgid', 'content by mgid', 'more from our partners',
  'trending now', 'recommended for you',
  // de, fr, es, it, pt, nl, ru, pl
  'gesponsert', 'gesponserte links', 'anzeigen', 'empfohlen von', 'das könnte sie auch interessieren',
  'sponsorisé', 'liens sponsorisés', 'contenu sponsorisé', 'vous aimerez aussi', 'recommandé par',
  'patrocinado', 'enlaces patrocinados', 'contenido patrocinado', 'te puede interesar', 'también te puede gustar',
  'sponsorizzato', 'contenuti sponsorizzati', 'potrebbe interessarti', 'conteúdo patrocinado', 'links patrocinados',
  'gesponsord', 'реклама от', 'спонсорский контент', 'вам может понравиться', 'sponsorowane',
  'contenus sponsorisés', 'liens commerciaux', 'contenido promocionado', 'konten bersponsor', 'disponsori', 'tautan bersponsor',
  'sponsorlu bağlantılar', 'sponsorlu içerik', 'nội dung được tài trợ', 'liên kết được tài trợ', 'المحتوى الممول', 'روابط ممولة',
  'スポンサーリンク', 'スポンサー', '赞助内容', '推广内容', '스폰서', '스폰서 링크',
  'sponzorováno', 'sponzorované', 'sponsorizat', 'szponzorált', 'χορηγούμενο', 'спонсорирано', 'спонсоровано', 'sponzorirano',
  'sponsoroitu', 'sponsoreret', 'sponset',
  'mohlo by vás zajímat', 'mohlo by vás zaujímať', 's-ar putea să vă intereseze', 'ez is érdekelheti', 'μπορεί να σας ενδιαφέρει',
  'saatat pitää myös', 'du kanske också gillar', 'du kan også lide', 'du vil kanskje også like', 'вам може сподобатися',
  'може да ви хареса', 'možda će vas zanimati',
]);

/** The short buttons a widget prints under each sponsored headline. */
export const WIDGET_CTAS = phraseSet([
  'undo', 'get quote', 'learn more', 'shop now', 'read more', 'search now', 'play now',
  'install now', 'sign up', 'click here', 'apply now', 'book now', 'download', 'watch now',
  'try now', 'see more', 'get offer', 'get deal', 'order now', 'buy now', 'contact us',
  'get started', 'find out more', 'see offers', 'view offer', 'continue',
  'rückgängig machen', 'mehr erfahren', 'jetzt kaufen', 'hier klicken', 'weiterlesen',
  'annuler', 'en savoir plus', 'acheter', 'cliquez ici', 'deshacer', 'más información',
  'comprar ahora', 'haz clic aquí', 'annulla', 'scopri di più', 'desfazer', 'saiba mais',
  'ongedaan maken', 'meer informatie', 'отменить', 'подробнее', 'cofnij', 'dowiedz się więcej',
  'pelajari lebih lanjut', 'batalkan', 'urungkan', 'geri al', 'daha fazla bilgi', 'hoàn tác', 'tìm hiểu thêm', 'تراجع',
  '詳しくはこちら', '元に戻す', '了解更多', '撤销', '더 알아보기', '실행 취소',
  'zjistit více', 'zpět', 'vrátit zpět', 'zistiť viac', 'späť', 'află mai multe', 'anulează', 'tudj meg többet', 'további információ',
  'visszavonás', 'μάθετε περισσότερα', 'αναίρεση', 'lue lisää', 'kumoa', 'läs mer', 'ångra', 'læs mere', 'fortryd', 'les mer', 'angre',
  'детальніше', 'скасувати', 'научете повече', 'отмени', 'saznajte više', 'poništi',
]);

/** Advertisement placeholders, whole line. */
export const AD_MARKERS = phraseSet([
  'advertisement', 'advertisment', 'advertising', 'advert', 'ad', 'ads', 'sponsored ad',
  'story continues below advertisement', 'story continues below this ad', 'story continues below',
  'article continues below advertisement', 'article continues below this ad', 'article continues below',
  'continue reading below', 'continue reading the main story', 'scroll to continue with content',
  'advertisement scroll to continue', 'advertisement · scroll to continue', 'skip advertisement',
  'content continues below', 'the article continues below', 'ad feedback', 'report this ad',
  'remove ads', 'advertise with us',
  'anzeige', 'werbung', 'weiter nach der anzeige', 'artikel wird nach der anzeige fortgesetzt',
  'publicité', 'pub', 'la suite après cette publicité', 'la suite après la publicité',
  'publicidad', 'publicidade', 'pubblicità', 'reclame', 'advertentie', 'reklame', 'reklama',
  'reklam', 'mainos', 'annons', 'annonse', 'hirdetés', 'διαφήμιση', 'реклама', 'реклама.',
  'продолжение ниже', 'iklan', 'quảng cáo', 'โฆษณา', 'विज्ञापन', 'إعلان', 'פרסומת',
  '广告', '廣告', '広告', '광고', 'स्पॉन्सर्ड',
  'anuncio', 'anúncio', 'annonce', 'ilan', 'continúa leyendo después del anuncio', 'sigue leyendo después del anuncio',
  'continua a leggere dopo la pubblicità', 'continua dopo la pubblicità', 'продолжение после рекламы', 'reklamdan sonra devam ediyor',
  'lanjut baca di bawah ini', 'scroll untuk melanjutkan', 'tiếp tục đọc bên dưới', 'continue reading after the ad',
  'publicitate', 'oglas', 'reklám',
]);

/** Ad-marker words that can be glued into a sentence by a scraper ("not."advertisementThe). */
export const GLUED_AD_WORDS = [
  'advertisement', 'advertisment', 'anzeige', 'publicité', 'publicidad', 'publicidade', 'pubblicità', 'реклама', 'werbung', 'reklama', 'iklan', 'reklam', 'विज्ञापन', 'إعلان',
  // nl, sv, no/da, fi, hu, el, vi (words that name nothing but an ad; "annonce" or "anuncio",
  // which also mean an announcement, are left to the whole-line list)
  'advertentie', 'reclame', 'annons', 'annonse', 'reklame', 'mainos', 'hirdetés', 'διαφήμιση', 'quảng cáo',
];

/** Markers that put a teaser for another story inside a body. */
export const TEASER_MARKERS = [
  'also read', 'read also', 'read more', 'more from', 'see also', 'must read',
  'also watch', 'watch', 'recommended', 'don\'t miss', 'read next', 'more:', 'related:',
  'lesen sie auch', 'auch interessant', 'mehr zum thema', 'lire aussi', 'à lire aussi', 'a lire aussi',
  'voir aussi', 'leer también', 'lee también', 'te puede interesar', 'leia também', 'leia mais',
  'leggi anche', 'читайте также', 'читайте также:', 'czytaj też', 'czytaj także', 'zie ook',
  'läs också', 'les også', 'lue myös', 'ये भी पढ़ें', 'यह भी पढ़ें', 'इसे भी पढ़ें',
  'lees ook', 'czytaj więcej', 'baca juga', 'baca pula', 'đọc thêm', 'xem thêm', 'ilginizi çekebilir', 'ayrıca okuyun', 'ayrica okuyun',
  'čtěte také', 'čtěte též', 'čítajte aj', 'citește și', 'διαβάστε επίσης', 'прочетете още', 'читайте також', 'pročitajte još',
  'pročitajte i', 'læs også',
  'اقرأ أيضا', 'اقرأ أيضًا', '延伸阅读', '相关阅读', '推荐阅读', '延伸閱讀', '相關閱讀', '関連記事', 'あわせて読みたい', '관련기사', '관련 기사',
];

/** Whole lines that are page furniture wherever they stand. */
export const CHROME_LINES = phraseSet([
  'comments', 'comment', 'no comments yet', 'no comments yet...', 'leave a comment', 'post a comment', 'end of article',
  'view comments', 'show comments', 'load comments', 'add a comment', 'be the first to comment',
  'hashtags', 'tags', 'topics', 'tags:', 'share this', 'share this article', 'share this story',
  'share on facebook', 'share on twitter', 'share on whatsapp', 'share via email', 'copy link', 'link copied', 'follow us',
  'related articles', 'related stories', 'related news', 'more stories', 'more news',
  'ähnliche artikel', 'verwandte artikel', 'weitere artikel', 'das könnte sie auch interessieren',
  'articles similaires', 'articles connexes', 'à lire aussi', 'sur le même sujet', 'artículos relacionados',
  'noticias relacionadas', 'articoli correlati', 'potrebbe interessarti anche', 'artigos relacionados',
  'notícias relacionadas', 'похожие статьи', 'похожие новости', 'читайте также', 'по теме',
  'संबंधित खबरें', 'सम्बंधित खबरें', 'ये भी पढ़ें', 'noch keine kommentare', 'keine kommentare',
  'aucun commentaire', 'sin comentarios', 'nessun commento', 'sem comentários', 'нет комментариев',
  'комментариев пока нет', 'meistgelesen', 'les plus lus', 'lo más leído', 'más leídas', 'più letti',
  'самое читаемое', 'popular', 'beliebt',
  'most viewed', 'most read', 'most popular', 'trending', 'trending stories', 'trending now',
  'top stories', 'latest news', 'latest stories', 'editor\'s picks', 'top picks for you',
  'recommended stories', 'read more', 'read next', 'up next', 'next story',
  'previous story', 'next article', 'previous article', 'back to top', 'skip to content',
  // an embedded post's placeholder, left where the embed was
  'view this post on instagram', 'view this photo on instagram', 'view this video on instagram',
  'view this post on facebook', 'view this post on tiktok', 'view this video on tiktok', 'view this post on x',
  'view this video on youtube', 'view this post on threads', 'view this post on bluesky',
  'skip to main content', 'sign in', 'log in', 'login',
  'register', 'subscribe', 'my account', 'listen to this article', 'font size', 'text size', 'reprints',
  'all rights reserved', 'privacy policy', 'terms of use', 'terms of service', 'terms & conditions',
  'terms and conditions', 'cookie policy', 'cookie settings', 'manage cookies', 'accept cookies',
  'about us', 'contact us', 'advertise', 'careers', 'sitemap', 'site map',
  // de, fr, es, it, pt, ru
  'kommentare', 'artikel teilen', 'mehr zum thema', 'impressum', 'datenschutz',
  'nutzungsbedingungen', 'anmelden', 'abonnieren', 'schlagwörter',
  'commentaires', 'se connecter', 's\'abonner', 'mentions légales',
  'comentarios', 'iniciar sesión', 'suscríbete', 'etiquetas',
  'commenti', 'accedi', 'abbonati', 'compartilhe', 'comentários', 'entrar',
  'комментарии', 'войти', 'подписаться', 'теги', 'читать далее',
  // "read more" buttons
  'leer más', 'seguir leyendo', 'weiterlesen', 'mehr lesen', 'lire la suite', 'lire plus', 'leggi di più', 'continua a leggere',
  'leia mais', 'continue lendo', 'lees meer', 'czytaj dalej', 'läs mer', 'les mer', 'baca selengkapnya', 'devamını oku', 'xem thêm',
  'đọc tiếp', 'اقرأ المزيد', '続きを読む', '阅读全文', '查看更多', '더보기', '기사 더보기',
  'číst dál', 'číst více', 'čítať ďalej', 'citește mai mult', 'citește tot', 'tovább', 'tovább olvasom', 'διαβάστε περισσότερα',
  'прочетете още', 'читати далі', 'pročitaj više', 'pročitajte više', 'lue lisää', 'læs mere', 'lees verder',
  // pl, nl, sv, tr, id, vi, ar, hi
  'powiązane artykuły', 'zaloguj się', 'komentarze', 'najczęściej czytane',
  'gerelateerde artikelen', 'inloggen', 'reacties', 'meest gelezen',
  'relaterade artiklar', 'logga in', 'kommentarer', 'mest lästa',
  'ilgili haberler', 'giriş yap', 'yorumlar', 'en çok okunanlar', 'abone ol', 'tüm hakları saklıdır',
  'berita terkait', 'komentar', 'terpopuler', 'berita populer', 'hak cipta dilindungi undang-undang',
  'tin liên quan', 'đăng nhập', 'bình luận', 'đọc nhiều nhất', 'tin đọc nhiều',
  'أخبار ذات صلة', 'مقالات ذات صلة', 'تسجيل الدخول', 'التعليقات', 'الأكثر قراءة', 'جميع الحقوق محفوظة',
  'शेयर करें', 'टिप्पणियां', 'सबसे ज्यादा पढ़ी गई', 'ताज़ा खबरें',
  // cs, sk, ro, hu, el, bg, uk, hr/sr, fi, da, no
  'související články', 'nejčtenější', 'komentáře', 'přihlásit se', 'ochrana osobních údajů', 'podmínky užívání',
  'súvisiace články', 'najčítanejšie', 'komentáre', 'prihlásiť sa', 'articole similare', 'cele mai citite', 'comentarii',
  'autentificare', 'politica de confidențialitate', 'toate drepturile rezervate', 'kapcsolódó cikkek', 'legolvasottabb',
  'bejelentkezés', 'adatvédelem', 'minden jog fenntartva', 'σχετικά άρθρα', 'σχόλια', 'σύνδεση', 'πολιτική απορρήτου',
  'свързани статии', 'най-четени', 'коментари', 'вход', 'всички права запазени', 'схожі новини', 'коментарі', 'увійти',
  'povezani članci', 'najčitanije', 'komentari', 'prijava', 'sva prava pridržana', 'luetuimmat', 'kommentit', 'kirjaudu sisään',
  'tietosuoja', 'relaterede artikler', 'mest læste', 'log ind', 'relaterte artikler', 'mest lest', 'logg inn',
  // zh, ja, ko, th
  '相关新闻', '相关阅读', '相关文章', '相關新聞', '热门推荐', '热点新闻', '分享到', '发表评论', '返回顶部',
  '更多新闻', '扫一扫', '关注我们', '联系我们', '关于我们', '免责声明', '网站地图', '登录', '注册',
  '関連記事', '関連ニュース', 'この記事をシェアする', '会員登録', 'おすすめ記事', '人気記事',
  'ページの先頭へ', 'お問い合わせ', '利用規約', 'プライバシーポリシー', 'ログイン',
  '관련기사', '관련 기사', '공유하기', '로그인', '회원가입', '많이 본 뉴스', '인기 기사', '맨 위로',
  '이용약관', '개인정보처리방침', '무단 전재 및 재배포 금지', '무단전재 및 재배포 금지',
  'ข่าวที่เกี่ยวข้อง', 'เข้าสู่ระบบ', 'สมัครสมาชิก', 'ข่าวยอดนิยม', 'อ่านเพิ่มเติม',
]);

/** Prefixes of furniture lines: "Tags: Monsoon, IMD", "Copyright © 2026 ...". */
export const CHROME_PREFIXES = [
  'tags:', 'tagged:', 'topics:', 'filed under:', 'share this:', 'follow us on', 'copyright',
  '©', '(c) ', 'all rights reserved', 'first published:', 'first published on', 'published on:',
  'click to share on', 'click to print', 'click to email', 'opens in new window', 'stichwörter:',
  'schlagworte:', 'mots-clés:', 'mots clés :', 'etiquetas:', 'temas:', 'теги:', 'метки:',
  'no comments yet', 'sign up for', 'you might also like', 'more in ',
  '版权所有', '版權所有', '저작권자', '무단 전재', '무단전재',
  // tag lists in more languages
  'schlagwörter:', 'tag:', 'tags :', 'etiketler:', 'tagi:', 'trefwoorden:', 'palavras-chave:', 'parole chiave:', 'ключевые слова:',
  'kata kunci:', 'anahtar kelimeler:', 'thẻ:', 'từ khóa:', 'الوسوم:', 'وسوم:', 'タグ:', 'タグ：', '标签:', '标签：', '標籤：', '태그:', '태그 :',
  // share buttons that name the network
  'share on ', 'share to ', 'share this on ', 'share this via ', 'share via ', 'share all sharing options', 'compartir en ', 'compartilhar no ', 'compartilhe no ', 'partager sur ', 'condividi su ', 'поделиться в ',
  'bagikan ke ', 'chia sẻ lên ',
];

/** Furniture words that are also ordinary words or names ("Telegram", "Share", "Video"):
 *  residue only inside a run of other furniture, never on their own. */
export const CHROME_WEAK = phraseSet([
  'share', 'tweet', 'email', 'e-mail', 'print', 'facebook', 'twitter', 'x', 'linkedin', 'whatsapp',
  'pinterest', 'reddit', 'telegram', 'instagram', 'youtube', 'tiktok', 'threads', 'bluesky', 'rss',
  'pocket', 'flipboard', 'mastodon', 'tumblr', 'xing', 'vk', 'messenger', 'copy link', 'sms',
  'follow', 'related', 'menu', 'search', 'close', 'home', 'tune in', 'must watch', 'ends', 'end',
  'listen', 'save', 'bookmark', 'contact', 'help', 'more', 'next', 'previous', 'prev', 'back',
  'loading', 'video', 'videos', 'photos', 'gallery', 'news', 'sports', 'business', 'opinion',
  'world', 'politics', 'entertainment', 'lifestyle', 'technology', 'tech', 'science', 'health',
  'teilen', 'drucken', 'partager', 'imprimer', 'compartir', 'imprimir', 'condividi', 'stampa',
  'поделиться', 'accueil', 'inicio', 'главная', 'startseite', 'mehr', 'plus', 'más', 'ещё',
  'udostępnij', 'delen', 'dela', 'paylaş', 'ana sayfa', 'bagikan', 'beranda', 'chia sẻ', 'trang chủ',
  'شارك', 'مشاركة', 'الرئيسية', 'होम', 'लॉगिन',
  'sdílet', 'tisk', 'zdieľať', 'distribuie', 'megosztás', 'nyomtatás', 'κοινοποίηση', 'εκτύπωση', 'сподели', 'поділитися',
  'podijeli', 'podeli', 'ispis', 'jaa', 'tulosta', 'del', 'printează', 'imprimare', 'tlačiť', 'drukuj', 'skriv ut', 'udskriv',
  'печат', 'друк', 'печать', 'yazdır', 'cetak', 'afdrukken',
  '首页', '分享', '评论', '微信', '微博', 'ホーム', 'トップ', 'シェア', 'コメント', 'ランキング',
  '홈', '댓글', '구독', 'หน้าแรก', 'แชร์', 'ความคิดเห็น',
  // a cookie banner's buttons
  'accept', 'accept all', 'accept cookies', 'reject', 'reject all', 'decline', 'manage preferences', 'manage options',
  'aceptar', 'aceptar todo', 'rechazar', 'alle akzeptieren', 'akzeptieren', 'ablehnen', 'tout accepter', 'tout refuser',
  'accepter', 'refuser', 'accetta', 'accetta tutti', 'rifiuta', 'aceitar', 'rejeitar', 'принять', 'принять все', 'отклонить',
  'terima', 'tolak', 'kabul et', 'reddet', 'đồng ý', '同意', '同意する', '동의',
]);
