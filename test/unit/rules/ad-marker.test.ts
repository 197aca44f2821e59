// ad-marker: ad placeholders alone on a line (in several languages) or glued between sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, clean } from '../../../server/src/analysis';
import { doc, found, HEAD, P1, P2 } from '../../support/ruleCase';

const ARTICLES: Record<string, [string, string, string]> = {
  en: [
    'Council approves new budget for city parks and libraries',
    'The city council on Tuesday approved a budget that raises spending on parks and libraries by twelve percent, the first increase in five years.',
    'Councillors said the money would be spent over three years, with most of it going to repairs of buildings that have been closed since the flood.',
  ],
  de: [
    'Stadtrat beschließt neuen Haushalt für Parks und Bibliotheken',
    'Der Stadtrat hat am Dienstag einen Haushalt beschlossen, der die Ausgaben für Parks und Bibliotheken um zwölf Prozent erhöht.',
    'Die Stadträte sagten, das Geld werde über drei Jahre ausgegeben, vor allem für die Reparatur von Gebäuden, die seit dem Hochwasser geschlossen sind.',
  ],
  fr: [
    'Le conseil municipal adopte un nouveau budget pour les parcs',
    'Le conseil municipal a adopté mardi un budget qui augmente de douze pour cent les dépenses consacrées aux parcs et aux bibliothèques.',
    "Les élus ont indiqué que l'argent serait dépensé sur trois ans, principalement pour réparer des bâtiments fermés depuis les inondations.",
  ],
  es: [
    'El ayuntamiento aprueba un nuevo presupuesto para parques',
    'El ayuntamiento aprobó el martes un presupuesto que aumenta en un doce por ciento el gasto en parques y bibliotecas de la ciudad.',
    'Los concejales dijeron que el dinero se gastará en tres años, sobre todo en reparar edificios que siguen cerrados desde la inundación.',
  ],
  ru: [
    'Городской совет утвердил новый бюджет на парки и библиотеки',
    'Городской совет во вторник утвердил бюджет, который на двенадцать процентов увеличивает расходы на парки и библиотеки города.',
    'Депутаты заявили, что деньги будут потрачены за три года, в основном на ремонт зданий, закрытых после наводнения прошлой весной.',
  ],
};

const OWN_LINE: [string, string][] = [
  ['en', 'Advertisement'],
  ['en', 'ADVERTISEMENT'],
  ['en', 'Story continues below advertisement'],
  ['en', 'Advertisement · Scroll to continue'],
  ['en', 'ADVERTISEMENT - SCROLL TO CONTINUE READING'],
  ['de', 'Anzeige'],
  ['fr', 'Publicité'],
  ['es', 'Publicidad'],
  ['ru', 'Реклама'],
];

for (const [lang, marker] of OWN_LINE) {
  test(`valid: "${marker}" on its own line (${lang}) is deleted with its line break`, () => {
    const [head, p1, p2] = ARTICLES[lang];
    const text = doc(head, p1, marker, p2);
    const model = analyze(text);
    assert.deepEqual(found(text), [['ad-marker', marker]]);
    assert.deepEqual(model.residue[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: marker.length } });
    assert.equal(model.residue[0].severity, 'warning');
    assert.equal(clean(text), doc(head, p1, p2));
  });
}

test('valid: a marker line with CRLF endings goes with its CRLF', () => {
  const [head, p1, p2] = ARTICLES.en;
  const text = [head, p1, 'Advertisement', p2, ''].join('\r\n');
  assert.deepEqual(found(text), [['ad-marker', 'Advertisement']]);
  assert.equal(clean(text), [head, p1, p2, ''].join('\r\n'));
});

test('valid: the seed\'s glued `not."advertisementThe` loses only the word', () => {
  const head = "Russia's Lavrov holds talks with Ankara, Budapest on outcomes of Alaska summit";
  const line =
    'Following the meeting, Trump said Kyiv should negotiate with Moscow, noting, "Russia is a very big power, and they\'re not."advertisementThe Russian foreign ministry confirmed that the call took place at Turkey\'s initiative.';
  const p2 = 'Officials in Ankara said the call had been long planned and that both ministers had agreed to speak again after the talks.';
  const text = doc(head, line, p2);
  const model = analyze(text);
  assert.deepEqual(found(text), [['ad-marker', 'advertisement']]);
  const at = line.indexOf('advertisement');
  assert.deepEqual(model.residue[0].range, { start: { line: 1, character: at }, end: { line: 1, character: at + 13 } });
  assert.equal(clean(text), doc(head, line.replace('advertisement', ''), p2));
  assert.ok(clean(text).includes('they\'re not."The Russian'));
});

test('valid: "Advertisement" between two sentences takes one space with it', () => {
  const head = "Russia's Lavrov holds talks with Ankara, Budapest on outcomes of Alaska summit";
  const line = 'The ministry said the call was constructive. Advertisement The Russian foreign ministry confirmed that the call took place at Turkey\'s initiative.';
  const p2 = 'Officials in Ankara said the call had been long planned and that both ministers had agreed to speak again after the talks.';
  const text = doc(head, line, p2);
  assert.deepEqual(found(text), [['ad-marker', 'Advertisement ']]);
  assert.equal(clean(text), doc(head, line.replace('Advertisement ', ''), p2));
});

test('invalid: "an advertisement for the show" in prose', () => {
  const text = doc(
    'Streaming service unveils its autumn schedule',
    'The network released an advertisement for the show on Monday, featuring the cast on a boat in the middle of a storm at sea.',
    'Critics praised the trailer, and the company said the series would premiere in October with two episodes on the first night.',
  );
  assert.deepEqual(found(text), []);
  assert.equal(clean(text), text);
});

test('invalid: a sentence that starts with "Advertisement spending rose"', () => {
  const text = doc(
    'Advertisers return as the economy recovers',
    'Advertisement spending rose 4% in the third quarter, according to figures published by the industry association on Thursday.',
    'Television and online video accounted for most of the growth, while print advertising continued its long decline.',
  );
  assert.deepEqual(found(text), []);
  assert.equal(clean(text), text);
});

test('invalid: "advertisement." ending a sentence before the next one', () => {
  const [head, , p2] = ARTICLES.en;
  const line = 'The mayor said the new parks would be the city\'s best advertisement. Tourism officials agreed and promised a campaign for the spring.';
  const text = doc(head, line, p2);
  assert.deepEqual(found(text), []);
});

test('valid: markers in more languages, alone or glued between two sentences', () => {
  for (const t of ['Anuncio', 'Anúncio', 'Annonce', 'İlan', 'Continúa leyendo después del anuncio', 'Продолжение после рекламы', 'Reklamdan sonra devam ediyor']) {
    assert.equal(analyze(doc(HEAD, P1, t, P2)).residue.map((r) => r.rule).join(), 'ad-marker', t);
  }
  const glued = 'Dia menolak memberi komentar.IklanMenteri menambahkan bahwa rencana itu akan dibahas pekan depan oleh parlemen.';
  assert.equal(clean(doc(HEAD, P1, glued, P2)), doc(HEAD, P1, 'Dia menolak memberi komentar.Menteri menambahkan bahwa rencana itu akan dibahas pekan depan oleh parlemen.', P2));
});

// The word after a glued marker must start with a capital, read case-sensitively: under the
// regex's `i` flag \p{Lu} also matched lower-case letters, and the marker was cut out of
// longer words ("anzeigenpflichtig") or a longer marker ("Publicidade" lost "Publicidad").
test('invalid: a marker word that begins a longer word after a sentence end stays whole', () => {
  const [head, , p2] = ARTICLES.de;
  for (const line of [
    'Der Stadtrat hat abgestimmt.anzeigenpflichtig ist die neue Regel aber nicht, sagte die Verwaltung am Mittwoch.',
    'The mayor spoke first.advertisements were shown after the meeting, the council said on its website later that night.',
  ]) {
    const text = doc(head, line, p2);
    assert.deepEqual(found(text), [], line);
    assert.equal(clean(text), text, line);
  }
});

test('valid: "Publicidade" glued between two sentences goes whole, not as "Publicidad" plus "e"', () => {
  const line = 'As obras vão atrasar mais seis meses, informou a concessionária.Publicidade Os passageiros devem usar os acessos provisórios.';
  const text = doc(HEAD, P1, line, P2);
  assert.deepEqual(found(text), [['ad-marker', 'Publicidade']]);
  assert.equal(clean(text), doc(HEAD, P1, line.replace('Publicidade', ''), P2));
});

test('valid: glued markers in Dutch and Vietnamese ("Advertentie", "Quảng cáo")', () => {
  for (const [word, line] of [
    ['Advertentie', 'De werkzaamheden lopen vertraging op, meldde de spoorwegmaatschappij.Advertentie Reizigers moeten de tijdelijke doorgangen blijven gebruiken.'],
    ['Quảng cáo', 'Công trình tại ga trung tâm sẽ chậm thêm sáu tháng.Quảng cáo Hành khách phải tiếp tục sử dụng lối đi tạm thời.'],
  ]) {
    const text = doc(HEAD, P1, line, P2);
    assert.deepEqual(found(text), [['ad-marker', word]], word);
  }
});
