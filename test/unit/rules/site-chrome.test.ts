// site-chrome: comments, related-articles shelves, tag lists, copyright footers, end markers
// and widget labels glued onto a paragraph; never ordinary words that happen to be menu items.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, clean } from '../../../server/src/analysis';
import { isEndLabel, isFooterCopyright, isTagLine, matchChromeLine, matchPostNav, matchStarRating } from '../../../server/src/analysis/rules/siteChrome';
import { doc, found, HEAD, P1, P2 } from '../../support/ruleCase';

test('valid: the comments / related-articles / tags / copyright tail is one block', () => {
  const tail = ['Tags: Budget, Parks, Libraries', 'Comments', 'No comments yet...', 'Related Articles', 'Copyright © 2026 Daily Herald. All rights reserved.'];
  const text = doc(HEAD, P1, P2, ...tail);
  const model = analyze(text);
  assert.deepEqual(found(text), [['site-chrome', tail.join('\n')]]);
  assert.deepEqual(model.residue[0].range, { start: { line: 3, character: 0 }, end: { line: 7, character: tail[4].length } });
  assert.equal(clean(text), doc(HEAD, P1, P2));
});

for (const line of ['Comments', 'No comments yet...', 'Related Articles']) {
  test(`valid: "${line}" after the article's last paragraph`, () => {
    const text = doc(HEAD, P1, P2, line);
    assert.deepEqual(found(text), [['site-chrome', line]]);
    assert.equal(clean(text), doc(HEAD, P1, P2));
  });
}

test('valid: a "Tags:" line between paragraphs', () => {
  const text = doc(HEAD, P1, 'Tags: Budget, Parks, Libraries', P2);
  assert.deepEqual(found(text), [['site-chrome', 'Tags: Budget, Parks, Libraries']]);
  assert.equal(clean(text), doc(HEAD, P1, P2));
});

test('valid: a copyright footer line', () => {
  const text = doc(HEAD, P1, P2, '© 2026 Daily Herald Media Group');
  assert.deepEqual(found(text), [['site-chrome', '© 2026 Daily Herald Media Group']]);
  assert.equal(clean(text), doc(HEAD, P1, P2));
});

test('valid: "- Ends" glued inside the last paragraph and "Tune InMust Watch" glued onto its end', () => {
  // The end of the seed's India Today article.
  const line = 'The Alaska summit marked another high-stakes diplomatic attempt to address the war, yet no immediate breakthrough was reached.- EndsWith inputs from ReutersTune InMust Watch';
  const text = doc(HEAD, P1, line);
  const model = analyze(text);
  assert.deepEqual(found(text), [
    ['site-chrome', '- Ends'],
    ['site-chrome', 'Tune InMust Watch'],
  ]);
  const ends = line.indexOf('- Ends');
  assert.deepEqual(model.residue[0].range, { start: { line: 2, character: ends }, end: { line: 2, character: ends + 6 } });
  assert.deepEqual(model.residue[1].range.end, { line: 2, character: line.length });
  assert.equal(
    clean(text),
    doc(HEAD, P1, 'The Alaska summit marked another high-stakes diplomatic attempt to address the war, yet no immediate breakthrough was reached.With inputs from Reuters'),
  );
});

test('invalid: a body line "Telegram" between two prose lines is kept', () => {
  const text = doc(
    'Russia restricts calls on messaging apps',
    'Russia has begun restricting some calls on foreign messaging apps, citing failures to comply with Russian law on sharing information.',
    'Telegram',
    'The company said it removes millions of harmful messages every day and that it had complied with every lawful request it received.',
  );
  assert.deepEqual(found(text), []);
  assert.equal(clean(text), text);
});

test('invalid: "Share prices rose 3%." is a sentence, not a share button', () => {
  const text = doc(
    'Markets rally after the central bank holds rates',
    'Stocks rose across Europe on Thursday after the central bank kept its main interest rate unchanged for the third meeting in a row.',
    'Share prices rose 3%.',
    'Bank shares led the gains, while energy companies fell as the price of oil dropped for a second day on signs of weaker demand.',
  );
  assert.deepEqual(found(text), []);
  assert.equal(clean(text), text);
});

test('invalid: a paragraph ending in capitalised names is not a glued label tail', () => {
  const text = doc(
    HEAD,
    P1,
    'The new reading rooms will be named after two local writers, the council said, and the first will open next spring as the Mary Shelley Room',
  );
  assert.deepEqual(found(text).filter(([rule]) => rule === 'site-chrome'), []);
});

test('valid: the banner over an old story is not the story, nor its headline', () => {
  for (const banner of ['This article is more than 3 months old', 'This post is over 3 years old', 'Dieser Artikel ist mehr als 2 Jahre alt']) {
    const text = doc(HEAD, banner, P1, P2);
    assert.deepEqual(found(text), [['site-chrome', banner]], banner);
    assert.equal(analyze(text).articles[0].headline, HEAD, banner);
  }
});

test('invalid: a sentence about an article\'s age is text', () => {
  const line = 'This article is more than 3 months old, the editor said, but its advice on budgets still holds.';
  assert.deepEqual(found(doc(HEAD, P1, line, P2)), []);
});

test('valid: a cookie banner, the site speaking of its cookies, in several languages and scripts', () => {
  for (const t of [
    'We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.',
    'This website uses cookies to improve your experience while you navigate through the website. Out of these cookies, the cookies that are categorized as necessary are stored on your browser.',
    'Utilizamos cookies propias y de terceros para mejorar nuestros servicios.', 'Nous utilisons des cookies pour vous garantir la meilleure expérience sur notre site.',
    'Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.', 'Мы используем файлы cookie, чтобы улучшить работу сайта.',
    'Kami menggunakan cookie untuk meningkatkan pengalaman Anda.', '当サイトではクッキーを使用しています。', '이 웹사이트는 쿠키를 사용합니다.',
  ]) assert.equal(matchChromeLine(t)?.rule, 'site-chrome', t);
});

test('invalid: articles about cookies, and cookies you eat', () => {
  for (const t of [
    'The regulator said sites that use cookies must ask first.', 'Utilize cookies and session data to track user actions across your website.',
    'We use a cookie cutter to shape the dough, then chill it for an hour.', 'Cookies are a small text file a browser stores, the court heard on Tuesday.',
  ]) assert.equal(matchChromeLine(t), null, t);
});

test('valid: tag lists, share buttons and "read more" buttons in more languages', () => {
  for (const t of [
    'Schlagwörter: Haushalt, Parks', 'Etiketler: bütçe, park', 'タグ：予算、公園', '标签：预算，公园', '태그: 예산, 공원', 'Kata kunci: anggaran, taman',
    'Compartir en Facebook', 'Partager sur Facebook', 'Поделиться в ВКонтакте', 'Bagikan ke Facebook',
    'Leer más', 'Weiterlesen', 'Lire la suite', 'Baca selengkapnya', 'Devamını oku', '続きを読む', '阅读全文', '더보기',
  ]) assert.equal(matchChromeLine(t)?.rule, 'site-chrome', t);
});

test('invalid: sentences that open like a tag list or a share button', () => {
  for (const t of ['Shares in the company fell after the report on Tuesday.', 'Leer más libros es bueno para todos, dijo la ministra en la radio.']) {
    assert.equal(matchChromeLine(t), null, t);
  }
});

test('valid: reading-time gauges in several languages', () => {
  for (const t of ['5 min read', '11 MIN READ', '| Reading Time: 7 minutes', 'Estimated reading time:', 'Lesezeit: 4 Minuten', '3 min de lecture', 'Tiempo de lectura: 6 min', 'Время чтения: 5 мин', '読了時間 3分', '5분 읽기']) {
    assert.equal(matchChromeLine(t)?.rule, 'site-chrome', t);
  }
  assert.deepEqual(found(doc(HEAD, 'By Jane Doe', '5 min read', P1, P2)), [['site-chrome', '5 min read']]);
});

test('invalid: sentences about reading time are text', () => {
  for (const t of ['It takes 5 min to read the whole report.', 'Reading time is falling among teens', 'The 5 minute read that changed my mind']) {
    assert.equal(matchChromeLine(t), null, t);
  }
});

test('valid: links to the previous and next post, alone, paired or glued to the linked title', () => {
  for (const t of ['Previous Post', 'Prev PostNext Post', '← Previous Post Next Post →', 'Next Article Garmin Venu 4 review: Powerful and pricey', 'Previous PostReal Wedding Budget Breakdown', 'Next Post:Mastering Lunch Run', 'Next articleHave the Birthday Party at Home', 'Article précédent', 'Nächster Artikel', 'Следующая статья', 'المقال التالي', 'Önceki yazı', '次の記事', '다음 글']) {
    assert.equal(matchPostNav(t)?.rule, 'site-chrome', t);
  }
  const text = doc(HEAD, P1, P2, 'Previous PostCouncil delays vote on bus lanes', 'Next PostLibrary opens on Sundays');
  assert.equal(clean(text), doc(HEAD, P1, P2));
});

test('invalid: sentences that start with "Next post" or "Previous story"', () => {
  for (const t of ['Next post, we will look at the budget.', 'Next postseason game is on Friday', 'Next article in the series will cover taxes.', 'Previous story lines were dropped']) {
    assert.equal(matchPostNav(t), null, t);
  }
});

// After the story, an author box or a share bar marks its end: what follows goes unless two
// paragraphs in a row follow (share buttons between paragraphs).
const STORY_N = (n: number) => `Story paragraph ${n}: the council voted on Tuesday to approve a budget that raises spending on parks and libraries by twelve percent over three years.`;
test('valid: after the story, an author box label closes it, the teasers below go', () => {
  const text = doc(HEAD, 'By Jane Doe', ...[1, 2, 3, 4, 5].map(STORY_N), 'About the author', 'Jane Doe covers city hall for the paper and has written about local budgets for ten years.', 'Mayor Promises New Pool for the East Side', 'The mayor said on Monday that the pool would open next summer, if the council agrees to pay for it.', 'Read more');
  const out = clean(text);
  for (const n of [1, 2, 3, 4, 5]) assert.ok(out.includes(STORY_N(n)), `story ${n} kept`);
  assert.ok(!out.includes('pool would open'), out);
});

test('invalid: share buttons between paragraphs do not end the story', () => {
  const text = doc(HEAD, 'By Jane Doe', ...[1, 2, 3, 4, 5].map(STORY_N), 'Share this article', ...[6, 7, 8].map(STORY_N));
  const out = clean(text);
  for (const n of [6, 7, 8]) assert.ok(out.includes(STORY_N(n)), `story ${n} kept`);
});

test('end labels: author boxes and share bars in several languages; not sentences', () => {
  for (const t of ['About the author', 'About the Authors:', 'Über den Autor', 'Share this article', 'Share:', 'Teilen', 'Partager cet article', 'Об авторе', '著者について', 'Post navigation', 'About the Reviewer', 'About Our Expert', 'Was this page helpful?']) assert.ok(isEndLabel(t), t);
  for (const t of ['About the author of the report, little is known.', 'Share prices rose 3%.', 'Shared values', 'Post navigation was hard in the old app.', 'Was this page helpful to you, the reader asked.']) assert.ok(!isEndLabel(t), t);
});

test('valid: a share bar naming its networks ("Share this on Facebook", "Pocket", "Flipboard") goes whole', () => {
  const text = doc(HEAD, 'By Jane Doe', 'Share this on Facebook', 'Share this on Twitter', 'Reddit', 'Pocket', 'Flipboard', 'Email', P1, P2);
  assert.equal(clean(text), doc(HEAD, 'By Jane Doe', P1, P2));
});

test('invalid: "Pocket" between paragraphs is a word of the story, not a share button', () => {
  const text = doc(HEAD, P1, 'Pocket', P2);
  assert.equal(clean(text), text);
});

test('valid: a tag list after the story closes it; the teasers below go', () => {
  const text = doc(HEAD, 'By Jane Doe', ...[1, 2, 3, 4, 5].map(STORY_N), 'Tags: budget, parks, libraries', 'Mayor Promises New Pool for the East Side', 'The mayor said on Monday that the pool would open next summer, if the council agrees to pay for it.', 'Read more');
  const out = clean(text);
  for (const n of [1, 2, 3, 4, 5]) assert.ok(out.includes(STORY_N(n)), `story ${n} kept`);
  assert.ok(!out.includes('pool would open'), out);
  assert.ok(isTagLine('Filed under: Politics') && isTagLine('Schlagworte: Haushalt') && !isTagLine('Tagged along with friends, she went.'));
});

// The site's copyright line inside the furniture below the story closes the page: the sign-in
// dialogs, consent notes and community rules printed after it go, paragraphs or not.
const FOOTER_MENU = ['Privacy Policy', 'Terms of Use', 'Cookie Settings', 'Contact Us', 'Advertise with us'];
const DIALOG = [
  'I agree to the processing of my personal data for the purpose of creating a personal account on this site, as the policy says.',
  'If you do not want us to continue processing your data, please click here to delete your account and all that it holds.',
  'Users are obliged to speak respectfully to the other participants in the discussion and to the readers of the site at all times.',
];
test('valid: below the site footer, dialogs and rules in paragraphs go', () => {
  const text = doc(HEAD, 'By Jane Doe', ...[1, 2, 3, 4, 5].map(STORY_N), ...FOOTER_MENU, '© 2019 Daily Herald. All rights reserved', 'Log in', ...DIALOG);
  const out = clean(text);
  for (const n of [1, 2, 3, 4, 5]) assert.ok(out.includes(STORY_N(n)), `story ${n} kept`);
  for (const d of DIALOG) assert.ok(!out.includes(d), d);
});

test('invalid: a wire story\'s copyright right under its last paragraph closes nothing; nor does a footer above more prose than the story', () => {
  const wire = doc(HEAD, 'By Jane Doe', ...[1, 2, 3, 4, 5].map(STORY_N), '© 2019 Associated Press. All rights reserved.', ...[6, 7].map(STORY_N));
  for (const n of [6, 7]) assert.ok(clean(wire).includes(STORY_N(n)), `story ${n} kept`);
  const listing = doc(HEAD, 'By Jane Doe', ...[1, 2].map(STORY_N), ...FOOTER_MENU, '© 2019 Daily Herald', ...[3, 4, 5, 6, 7].map(STORY_N));
  for (const n of [3, 4, 5, 6, 7]) assert.ok(clean(listing).includes(STORY_N(n)), `story ${n} kept`);
});

test('footer copyright lines: a year or "all rights reserved"; not a photo credit', () => {
  for (const t of ['© 2019 Sputnik. All rights reserved', 'Copyright 2024 Example Media Group', '(c) 2021', 'Tous droits réservés', '© Daily Herald Ltd 2020', 'Tutti i diritti riservati', 'Todos os direitos reservados']) assert.ok(isFooterCopyright(t), t);
  for (const t of ['© REUTERS / POOL', 'Photo: © Jane Doe', 'Copyright law was the subject of the hearing.']) assert.ok(!isFooterCopyright(t), t);
});

test('valid: a "Related" box inside the story closes nothing, a shelf label after the rest of it does', () => {
  const teaser = 'The mayor said on Monday that the pool would open next summer, if the council agrees to pay for it.';
  const text = doc(HEAD, 'By Jane Doe', ...[1, 2, 3, 4, 5].map(STORY_N), 'Related articles', 'Mayor Promises New Pool for the East Side', 'Library Hours Extended on Weekends', ...[6, 7].map(STORY_N), 'More stories', 'Mayor Promises New Pool for the East Side', teaser, 'Read more');
  const out = clean(text);
  for (const n of [1, 2, 3, 4, 5, 6, 7]) assert.ok(out.includes(STORY_N(n)), `story ${n} kept`);
  assert.ok(!out.includes(teaser), out);
});

test('invalid: a label under every item of a list (one paragraph each) closes none of it', () => {
  const item = (n: number) => [`Album ${n}: Songs From the Valley`, `Album ${n} is a record of quiet songs about the valley, recorded over two winters in a barn with one microphone and no overdubs at all.`, `More on Album ${n}`];
  const text = doc(HEAD, 'By Jane Doe', ...[1, 2, 3, 4, 5].map(STORY_N), ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap(item));
  const out = clean(text);
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) assert.ok(out.includes(item(n)[1]), `item ${n} kept`);
});

test('valid: short teaser lines in a row (an excerpt, then a question headline) do not count as the story going on', () => {
  const excerpt = 'The mayor said the pool would open next summer if the council pays.';
  const question = 'Should the city pay for a second pool on the west side as well?';
  const text = doc(HEAD, 'By Jane Doe', ...[1, 2, 3, 4, 5].map(STORY_N), 'Related articles', 'Mayor Promises New Pool for the East Side', excerpt, question, 'Readers are split on the plan, a poll by the paper found this week.', 'Read more');
  const out = clean(text);
  for (const n of [1, 2, 3, 4, 5]) assert.ok(out.includes(STORY_N(n)), `story ${n} kept`);
  assert.ok(!out.includes(excerpt) && !out.includes(question), out);
});

test('valid: below a "Most Read" shelf, its teasers with their excerpts go even when they read as paragraphs', () => {
  const card = (n: number) => `Council race number ${n} goes to a recount The city clerk said on Monday that the ballots would be counted again by hand before the end of the month.`;
  const story = [1, 2, 3, 4, 5, 6, 7, 8].map(STORY_N);
  const text = doc(HEAD, 'By Jane Doe', ...story, 'Most Read', ...[1, 2, 3, 4, 5].map(card), 'Sign up for the newsletter');
  const out = clean(text);
  for (const p of story) assert.ok(out.includes(p), p);
  for (const n of [1, 2, 3, 4, 5]) assert.ok(!out.includes(card(n)), `card ${n} removed`);
});

test('invalid: a "Most Read" box inside the story, with the rest of the story below it, closes nothing', () => {
  const text = doc(HEAD, 'By Jane Doe', ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(STORY_N), 'Most Read', 'Mayor Promises New Pool for the East Side', 'Library Hours Extended on Weekends', ...[11, 12, 13, 14, 15, 16].map(STORY_N));
  const out = clean(text);
  for (const n of [11, 12, 13, 14, 15, 16]) assert.ok(out.includes(STORY_N(n)), `story ${n} kept`);
});

test('valid: an embedded post\'s placeholder ("View this post on Instagram") is furniture', () => {
  const text = doc(HEAD, P1, 'View this post on Instagram', P2);
  assert.equal(clean(text), doc(HEAD, P1, P2));
});

test('rating widgets\' stars alone on a line go; stars in a sentence or a label stay', () => {
  for (const t of ['★★★★★', '★★★★☆ (4.5)', '☆ ★ ☆ ★ ☆ ★', '⭐⭐⭐ 12']) assert.ok(matchStarRating(t), t);
  for (const t of ['★ Editor\'s pick', 'We give it ★★★★ out of five.', '4 stars', '★']) assert.equal(matchStarRating(t), null, t);
  const text = doc(HEAD, P1, '★★★★☆', P2);
  assert.equal(clean(text), doc(HEAD, P1, P2));
});

// Turkish upper case: "I" lower-cases to "i" where the word has "ı", "İ" to "i" and a dot.
test('valid: Turkish furniture in capitals ("TÜM HAKLARI SAKLIDIR", "İLGİLİ HABERLER")', () => {
  for (const t of ['TÜM HAKLARI SAKLIDIR', 'Tüm hakları saklıdır', 'İLGİLİ HABERLER', 'YORUMLAR']) assert.equal(matchChromeLine(t)?.rule, 'site-chrome', t);
  assert.equal(matchChromeLine('TÜM HAKLARI ÖDENDİ'), null);
});

// Two furniture words in a row, each alone on its line, are a share bar.
test('valid: "Teilen" / "Drucken" between the dateline and the body go', () => {
  const text = doc(HEAD, 'Von Anna Schmidt', 'Teilen', 'Drucken', P1, P2);
  assert.deepEqual(found(text), [['site-chrome', 'Teilen\nDrucken']]);
  assert.equal(clean(text), doc(HEAD, 'Von Anna Schmidt', P1, P2));
});

test('invalid: one furniture word alone, or next to a table cell that only reads as one, stays', () => {
  for (const lines of [['Share'], ['.#X#', '##.X']]) {
    const text = doc(HEAD, P1, ...lines, P2);
    assert.equal(clean(text), text, lines.join(' / '));
  }
});

test('valid: cookie banners in Czech, Slovak, Romanian, Hungarian, Greek, Nordic languages, Ukrainian, Bulgarian, Croatian', () => {
  for (const t of [
    'Tento web používá soubory cookie ke zlepšení vašeho zážitku z prohlížení stránky.',
    'Používame súbory cookie, aby sme vám poskytli lepší zážitok na našej stránke.',
    'Acest site folosește cookie-uri pentru a vă oferi o experiență mai bună.',
    'Ez a weboldal sütiket használ a jobb felhasználói élmény érdekében az oldalon.',
    'Χρησιμοποιούμε cookies για να βελτιώσουμε την εμπειρία σας στον ιστότοπό μας.',
    'Vi använder cookies för att ge dig en bättre upplevelse på vår webbplats.',
    'Vi bruker informasjonskapsler for å gi deg en bedre opplevelse på nettstedet.',
    'Käytämme evästeitä parantaaksemme käyttökokemustasi sivustolla.',
    'Ми використовуємо файли cookie, щоб покращити ваш досвід на сайті.',
    'Използваме бисквитки, за да подобрим работата на сайта.',
    'Koristimo kolačiće kako bismo poboljšali vaše iskustvo na stranici.',
  ]) assert.equal(matchChromeLine(t)?.rule, 'site-chrome', t);
});

test('invalid: baking, not a cookie banner ("Vi använder smör...", "Koristimo brašno...")', () => {
  for (const t of ['Vi använder smör och socker när vi bakar kakor hemma.', 'Koristimo brašno i šećer za kolače.']) assert.equal(matchChromeLine(t), null, t);
});

test('valid: "read more" buttons in more languages', () => {
  for (const t of ['Číst dál', 'Citește mai mult', 'Tovább', 'Διαβάστε περισσότερα', 'Читати далі', 'Pročitaj više', 'Lue lisää', 'Læs mere', 'Lees verder']) {
    assert.equal(matchChromeLine(t)?.rule, 'site-chrome', t);
  }
});
