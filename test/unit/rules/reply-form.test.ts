// site-chrome, comment forms: "Leave a Reply", the privacy and required-field notes and the
// field labels of a blog's comment form, in a cluster of two or more form lines with a note
// among them. One note alone (an article quoting it) or field names alone (a table) are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findReplyForms } from '../../../server/src/analysis/rules/replyForm';

const STORY = 'The council voted on Tuesday to approve a budget that raises spending on parks and libraries by twelve percent over three years.';
const span = (lines: string[]) => findReplyForms(lines).map((b) => [b.first, b.last]);

test('valid: the WordPress form, from its heading to its last note', () => {
  const lines = [
    STORY, 'Leave a Reply', 'Your email address will not be published. Required fields are marked *', '', 'Comment *', 'Name *', 'Email *', 'Website',
    'Save my name, email, and website in this browser for the next time I comment.', 'Δ', 'This site uses Akismet to reduce spam. Learn how your comment data is processed.', STORY,
  ];
  assert.deepEqual(span(lines), [[1, 10]]);
});

test('valid: the same form in other languages', () => {
  const forms = [
    ['Schreibe einen Kommentar', 'Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert', 'Kommentar *', 'Name *'],
    ['Laisser un commentaire', 'Votre adresse e-mail ne sera pas publiée.', 'Commentaire *', 'Nom *'],
    ['Deja una respuesta', 'Tu dirección de correo electrónico no será publicada.', 'Comentario *', 'Nombre *'],
    ['Оставьте комментарий', 'Ваш адрес email не будет опубликован.', 'Комментарий *', 'Имя *'],
  ];
  for (const form of forms) assert.deepEqual(span([STORY, ...form, STORY]), [[1, 4]], form[0]);
});

test('valid: a prose line inside the form splits it, and stays out of it', () => {
  const lines = ['Leave a Reply', 'Name *', 'We read every comment and answer the ones that ask a question about the recipe or its steps.', 'Email *', 'Your email address will not be published.'];
  assert.deepEqual(span(lines), [[0, 1], [3, 4]]);
});

test('invalid: an article that quotes one of the notes', () => {
  assert.deepEqual(span([STORY, 'The form said: "Your email address will not be published."', STORY, STORY]), []);
  assert.deepEqual(span(['Leave a Reply', STORY, STORY, STORY, 'Name *']), []);
});

test('invalid: field names alone are a table or a list, not a form', () => {
  assert.deepEqual(span(['Field', 'Name', 'Email', 'Website', 'Comment']), []);
  assert.deepEqual(span(['Name *', 'Email *', 'Company *']), []);
});
