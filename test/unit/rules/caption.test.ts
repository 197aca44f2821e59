// site-chrome, image captions: a short line that ends in a photo credit is the caption of a
// picture the copy lost. A sentence that only mentions photos, or a credit-like label in the
// middle of a paragraph, is text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean } from '../../../server/src/analysis';
import { matchCaptionLine } from '../../../server/src/analysis/rules/caption';
import { doc, found, HEAD, P1, P2 } from '../../support/ruleCase';

const CAPTIONS = [
  'Photo: Jane Doe',
  'Image credit: Shutterstock',
  'Hikers on the ridge above the lake at dawn. Photo: iRunFar/Eszter Horanyi',
  'The new library wing opened in May (Photo by John Smith)',
  'Photo Courtesy of the City Archive',
  'Tanja Ivanova//Getty Images',
  'Firefighters at the scene on Monday. Wenjie Zheng / Shutterstock',
  'Der neue Lesesaal im Erdgeschoss. Foto: dpa',
  'La nouvelle bibliothèque. Crédit photo : Mairie de Lyon',
  'Новое здание библиотеки. Фото: пресс-служба',
  'Protesters outside the court (AP Photo/Jane Doe)',
];
for (const c of CAPTIONS) {
  test(`valid: the caption "${c}" between paragraphs`, () => {
    const text = doc(HEAD, P1, c, P2);
    assert.deepEqual(found(text), [['site-chrome', c]]);
    assert.equal(clean(text), doc(HEAD, P1, P2));
  });
}

const TEXT = [
  // mentions, not credits
  'The photo: a family at the beach, taken in 1962, is the only one that survived the fire.',
  'Docker Hardened Images: Security Independently Validated by SRLabs',
  'The biggest photograph: Why biggest? Because family is really important to her.',
  'Reuters reported that the company would cut 200 jobs, citing a memo seen by its reporters.',
  'The agency licensed its pictures to Getty Images and Shutterstock for the first time last year, a spokesman said.',
  // a credit-like label followed by a sentence
  'Image: the council says the new rules apply from May. Residents can appeal.',
];
for (const t of TEXT) {
  test(`invalid: "${t.slice(0, 40)}..." is not a caption`, () => {
    assert.equal(matchCaptionLine(t), null);
  });
}

test('invalid: a long paragraph that ends in a credit-like phrase is text', () => {
  const long = `${P1} ${P2} ${P1} The exhibition's poster reads: "Photo: Jane Doe"`;
  assert.equal(matchCaptionLine(long), null);
});

test('valid: credits in Turkish, Indonesian and Korean ("사진=연합뉴스")', () => {
  for (const t of ['Fotoğraf: AA', 'Foto: Antara', 'Gambar: Reuters', '사진=연합뉴스']) assert.equal(matchCaptionLine(t)?.rule, 'site-chrome', t);
});
