// promo: the site promoting itself (channels, courses, newsletters, apps), not prose about them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, clean } from '../../../server/src/analysis';
import { doc, found } from '../../support/ruleCase';
import { matchPromoLine, matchButtonLine } from '../../../server/src/analysis/rules/promo';

const EN = [
  'Council approves new budget for city parks and libraries',
  'The city council on Tuesday approved a budget that raises spending on parks and libraries by twelve percent, the first increase in five years.',
  'Councillors said the money would be spent over three years, with most of it going to repairs of buildings that have been closed since the flood.',
  'The mayor said the vote showed that the council could still agree on the things that matter most to residents of every district.',
];

test('valid: "Join Our WhatsApp Channel" and the seed\'s "AI Masterclass ... – Join Now"', () => {
  const join = 'Join Our WhatsApp Channel';
  const course = 'AI Masterclass for Students. Upskill Young Ones Today!– Join Now';
  const text = doc(EN[0], EN[1], join, EN[2], course, EN[3]);
  const model = analyze(text);
  assert.deepEqual(found(text), [
    ['promo', join],
    ['promo', course],
  ]);
  assert.deepEqual(model.residue[1].range, { start: { line: 4, character: 0 }, end: { line: 4, character: course.length } });
  assert.equal(model.residue[0].severity, 'information');
  assert.equal(clean(text), doc(EN[0], EN[1], EN[2], EN[3]));
});

const SIGNUPS: [string, string[], string][] = [
  [
    'de',
    [
      'Stadtrat beschließt neuen Haushalt für Parks und Bibliotheken',
      'Der Stadtrat hat am Dienstag einen Haushalt beschlossen, der die Ausgaben für Parks und Bibliotheken um zwölf Prozent erhöht.',
      'Die Stadträte sagten, das Geld werde über drei Jahre ausgegeben, vor allem für die Reparatur von Gebäuden, die seit dem Hochwasser geschlossen sind.',
    ],
    'Abonnieren Sie jetzt unseren kostenlosen Newsletter',
  ],
  [
    'de',
    [
      'Stadtrat beschließt neuen Haushalt für Parks und Bibliotheken',
      'Der Stadtrat hat am Dienstag einen Haushalt beschlossen, der die Ausgaben für Parks und Bibliotheken um zwölf Prozent erhöht.',
      'Die Stadträte sagten, das Geld werde über drei Jahre ausgegeben, vor allem für die Reparatur von Gebäuden, die seit dem Hochwasser geschlossen sind.',
    ],
    'Jetzt den Newsletter abonnieren',
  ],
  [
    'fr',
    [
      'Le conseil municipal adopte un nouveau budget pour les parcs',
      'Le conseil municipal a adopté mardi un budget qui augmente de douze pour cent les dépenses consacrées aux parcs et aux bibliothèques.',
      "Les élus ont indiqué que l'argent serait dépensé sur trois ans, principalement pour réparer des bâtiments fermés depuis les inondations.",
    ],
    'Inscrivez-vous à notre newsletter',
  ],
  [
    'es',
    [
      'El ayuntamiento aprueba un nuevo presupuesto para parques',
      'El ayuntamiento aprobó el martes un presupuesto que aumenta en un doce por ciento el gasto en parques y bibliotecas de la ciudad.',
      'Los concejales dijeron que el dinero se gastará en tres años, sobre todo en reparar edificios que siguen cerrados desde la inundación.',
    ],
    'Suscríbete a nuestro boletín',
  ],
];

for (const [lang, [head, p1, p2], signup] of SIGNUPS) {
  test(`valid: newsletter sign-up "${signup}" (${lang})`, () => {
    const text = doc(head, p1, signup, p2);
    assert.deepEqual(found(text), [['promo', signup]]);
    assert.equal(clean(text), doc(head, p1, p2));
  });
}

test('invalid: "Users can download the app from Monday." is news, not a promotion', () => {
  const text = doc(
    'Transit agency launches new ticketing app for commuters',
    'The transit agency said on Friday that riders will be able to buy tickets and check arrival times on their phones from next week.',
    'Users can download the app from Monday.',
    'Officials said paper tickets would remain on sale at stations until the end of the year for riders who do not have a smartphone.',
  );
  assert.deepEqual(found(text), []);
  assert.equal(clean(text), text);
});

test('invalid: article sentences about subscriptions are kept', () => {
  const text = doc(
    'Newspaper reports rise in digital subscriptions',
    'The company said digital subscriptions rose by a fifth in the last year, helped by a cheaper introductory offer for students.',
    'Subscribe to the newsletter, executives told investors, was the most common action readers took after their first free article.',
    'Readers who join through the app now account for a third of new subscribers, the company added in its quarterly report.',
  );
  assert.deepEqual(found(text), []);
  assert.equal(clean(text), text);
});

test(
  'valid: "Subscribe now and save 50% on your first year" between paragraphs',
  () => {
    const line = 'Subscribe now and save 50% on your first year';
    const text = doc(EN[0], EN[1], line, EN[2]);
    assert.deepEqual(found(text), [['promo', line]]);
  },
);

test('valid: the fine print of a sign-up form, in several languages', () => {
  const lines = [
    'By submitting this form, you authorize the University and its representatives to contact you via SMS or phone.',
    'By providing your information and clicking Subscribe, you agree to our Terms of Use and Privacy Policy.',
    'This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.',
    'En vous inscrivant, vous acceptez nos conditions générales et notre politique de confidentialité.',
    'Al suscribirte aceptas la política de privacidad y el aviso legal.',
    'Mit der Anmeldung stimmen Sie unseren Datenschutzbestimmungen zu.',
  ];
  for (const l of lines) {
    const text = doc(EN[0], EN[1], EN[2], l, EN[3]);
    assert.deepEqual(found(text), [['promo', l]], l);
  }
});

test('invalid: sentences that open the same way but agree to nothing, or agree without signing up', () => {
  const lines = [
    'By clicking on the map, readers can see which parks will be repaired first and when the work will begin.',
    'By submitting the plan in March, the council gave residents six weeks to comment on it.',
    'Residents who agree with the plan can say so at the meeting on Thursday, the mayor said.',
  ];
  for (const l of lines) assert.deepEqual(found(doc(EN[0], EN[1], l, EN[2], EN[3])), [], l);
});

test('valid: promotions in more languages and scripts, and verb-last forms', () => {
  for (const t of [
    'Ikuti kami di WhatsApp Channel untuk berita terbaru', 'Siga-nos no Instagram e receba as notícias em primeira mão',
    'Bizi Google News üzerinden takip edin', 'Theo dõi chúng tôi trên Facebook để cập nhật tin tức mới nhất',
    '订阅我们的新闻简报，每天获取最新消息', 'ニュースレターを購読して最新情報を受け取る', 'اشترك في نشرتنا الإخبارية للحصول على آخر الأخبار',
    'Síguenos en Instagram', 'Follow us on Facebook',
  ]) assert.equal(matchPromoLine(t)?.rule, 'promo', t);
});

test('invalid: a social network in a sentence that asks nothing, or asks to watch', () => {
  for (const t of [
    'Watch the full speech on YouTube.', 'The minister posted the statement on Facebook on Tuesday evening.',
    '市长在新闻发布会上宣布了新的预算计划', 'Layanan ini tersedia di aplikasi resmi pemerintah sejak Maret.',
  ]) assert.equal(matchPromoLine(t), null, t);
});

test('valid: a shop\'s button beside a recommended product ("Buy on Amazon", "$29.99 at Walmart")', () => {
  for (const t of ['Buy on Amazon', '$29.99 at Walmart', 'See price at Best Buy', 'Check price on Amazon', '€35 from Amazon', 'See it at Home Depot', 'View Deal', 'Check Price', 'Best Prices Today:', 'Price comparison from over 24,000 stores worldwide', 'Learn More', 'Book now', 'Visit website', 'Get started ›', 'Jump to Recipe', 'Print Recipe']) assert.ok(matchButtonLine(t), t);
  const review = [
    'The Acme Kettle boils a litre of water in three minutes and stays quiet while it does, which we liked.',
    'Buy on Amazon',
    'Its lid is stiff at first and the handle gets warm, but for the price it is the one we would buy again.',
  ];
  const text = doc('The Best Electric Kettles of the Year', ...review);
  assert.ok(!clean(text).includes('Buy on Amazon'));
});

test('invalid: sentences that name a store, and the store alone', () => {
  for (const t of ['I bought mine on Amazon', 'Amazon', 'Shop at Home Depot for the best deals this summer', 'Apple', 'Read on Kindle', 'View deals with caution.', 'Best prices today are lower than last year', 'Price comparison', 'Learn more about the plan at the town hall.', 'Book now, pay later schemes are growing']) assert.equal(matchButtonLine(t), null, t);
});

test('valid: newsletter and app buttons in more languages ("Newsletter abonnieren", "Zapisz się do naszego newslettera")', () => {
  for (const t of ['Newsletter abonnieren', 'App herunterladen', 'Schrijf je in voor onze nieuwsbrief', 'Nieuwsbrief ontvangen', 'Zapisz się do naszego newslettera',
    'Abonează-te la newsletter', 'Přihlaste se k odběru newsletteru', 'Stáhněte si naši aplikaci', 'Iratkozz fel hírlevelünkre']) {
    assert.equal(matchPromoLine(t)?.rule, 'promo', t);
  }
});

test('invalid: German prose that ends in an infinitive, or a verb that also means "watch closely"', () => {
  for (const t of ['Die Stadt will die Bürger über einen Newsletter informieren und sie zum Mitmachen anmelden', 'Wie viele Leser einen Newsletter abonnieren, sagte er nicht.',
    'Obserwuj to zjawisko uważnie', 'Sledujte vývoj situace']) {
    assert.equal(matchPromoLine(t), null, t);
  }
});
