// The form under a blog post for writing a comment: "Leave a Reply" / "Your email address will
// not be published. Required fields are marked *" / "Comment *" / "Name *" / "Email *" /
// "Website" / "Save my name, email, and website in this browser..." / "Post Comment". Blog
// engines print the same strings on every site, translated, so the form's notes give it away;
// but an article may quote one of them, so a note alone is not enough: the form is a cluster
// of at least two form lines (headings, notes or field labels), each close to the last, with a
// heading or a note among them (field names alone are a table). Every form has a heading or
// a field marked required; notes are looked for only near one, which keeps the rule cheap on
// big dumps.
import type { BlockHit } from './types';
import { rememberedTest, type LineFacts } from '../lineMemo';
import { wordCountUpTo } from '../shape';

/** The form's heading and buttons (the whole line). */
const HEADING = new RegExp(
  '^(?:leave a (?:reply|comment|response)|post a comment|add a comment|write a comment|cancel reply|post comment|submit comment|' +
      'schreibe einen kommentar|kommentar (?:schreiben|verfassen|abschicken)|antworten abbrechen|' +
      'laisser un commentaire|laisser une réponse|annuler la réponse|deja (?:una respuesta|un comentario)|cancelar respuesta|' +
      'deixe (?:um comentário|uma resposta)|lascia un commento|annulla risposta|geef een reactie|laat een reactie achter|' +
      'добавить комментарий|оставьте комментарий|оставить комментарий|отменить ответ|dodaj komentarz|anuluj pisanie odpowiedzi)' +
      '\\s*[:!.]?$',
  'iu',
);
/** The form's privacy and required-field notes and its checkboxes (anywhere in the line). */
const NOTE = new RegExp(
  [
    'will not be published|wird nicht veröffentlicht|ne sera pas publiée|no será publicada|não será publicado|' +
      'non sarà pubblicato|wordt niet gepubliceerd|не будет опубликован|nie zostanie opublikowany',
    'required fields are marked|indicates required fields|erforderliche felder sind|les champs obligatoires sont|' +
      'los campos obligatorios están|campos obrigatórios são|i campi obbligatori sono|vereiste velden zijn|' +
      'обязательные поля помечены|wymagane pola są',
    'save my name,? (?:and )?e-?mail|meinen namen,? (?:meine )?e-mail|enregistrer mon nom|guarda mi nombre|' +
      'salvar meus dados|salva il mio nome|mijn naam,? e-mail|сохранить моё имя|zapisz moje dane',
    'notify me of (?:follow-up|new) (?:comments|posts)|uses akismet to reduce spam',
  ].join('|'),
  'iu',
);
/** A field's label: a few words marked required ("Name *", "E-Mail*", "Email (required)"). */
const REQUIRED_FIELD = /^[\p{L}][\p{L}\p{M} ’'&/()-]{0,40}?\s*(?:\*|\((?:required|obligatoire|erforderlich|obligatorio|obrigatório|obbligatorio)\))$/iu;
/** The bare field names of a comment form, unmarked. */
const FIELD_NAME =
  /^(?:comment|name|e-?mail|website|url|your (?:name|e-?mail|comment)|kommentar|nom|nombre|nome|commentaire|comentario|comentário|commento|reactie|naam|имя|комментарий|сайт|komentarz|imię)\s*\*?$/iu;

const MAX_NOTE_CHARS = 400;
const MAX_FIELD_CHARS = 50;
const MAX_FIELD_WORDS = 6;
/** Non-blank lines from one form line to the next (a text box's placeholder may come between). */
const MAX_GAP = 2;
/** A line between two form lines is the form's too when it is this short ("Δ", "Yes"). */
const FILLER_WORDS = 3;

function isNote(t: string): boolean {
  return t.length <= MAX_NOTE_CHARS && (HEADING.test(t) || NOTE.test(t));
}

function isNoteLine(line: string): boolean {
  return line.length <= 2 * MAX_NOTE_CHARS && isNote(line.trim());
}

/** A heading or a field label: short lines, so testing every line of a dump for one is cheap. */
function isSeed(line: string): boolean {
  if (line.length > 2 * MAX_FIELD_CHARS) return false;
  const t = line.trim();
  if (t.length === 0 || t.length > MAX_FIELD_CHARS) return false;
  // A field marked required ends in "*" or ")"; a bare "Email" or "Name" is too common a line
  // (share bars, tables) to send the search for notes around it.
  const end = t.charCodeAt(t.length - 1);
  if ((end === 42 || end === 41) && isField(t)) return true;
  return HEADING.test(t);
}

function isField(t: string): boolean {
  return t.length <= MAX_FIELD_CHARS && wordCountUpTo(t, MAX_FIELD_WORDS + 1) <= MAX_FIELD_WORDS && (REQUIRED_FIELD.test(t) || FIELD_NAME.test(t));
}

/** `facts`, when given, are the lines' LineFacts: the heading-or-field test is remembered there. */
export function findReplyForms(lines: readonly string[], facts?: readonly LineFacts[]): BlockHit[] {
  const blocks: BlockHit[] = [];
  // Most segments have no heading or field label at all: look for one before building anything
  // (a long line is never one, and needs no trimming to tell).
  let any = false;
  for (let i = 0; i < lines.length && !any; i++) {
    const l = lines[i];
    any = l.length > 0 && l.length <= 2 * MAX_FIELD_CHARS && rememberedTest(l, facts?.[i], 'formSeed', isSeed);
  }
  if (!any) return blocks;
  const nb: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i].trim() !== '') nb.push(i);
  // Every form has a heading or a field label: the notes (long lines, a costlier test) are
  // looked for only near one.
  const near = new Uint8Array(nb.length);
  let seeds = 0;
  for (let k = 0; k < nb.length; k++) {
    const l = lines[nb[k]];
    if (l.length > 2 * MAX_FIELD_CHARS || !rememberedTest(l, facts?.[nb[k]], 'formSeed', isSeed)) continue;
    seeds++;
    near.fill(1, Math.max(0, k - 2 * MAX_GAP), Math.min(nb.length, k + 2 * MAX_GAP + 1));
  }
  if (seeds === 0) return blocks;
  const kind = (k: number): 0 | 1 | 2 => {
    if (near[k] === 0) return 0;
    const l = lines[nb[k]];
    if (rememberedTest(l, facts?.[nb[k]], 'formNote', isNoteLine)) return 2;
    return l.length <= 2 * MAX_FIELD_CHARS && isField(l.trim()) ? 1 : 0;
  };
  for (let k = 0; k < nb.length; k++) {
    const first = kind(k);
    if (first === 0) continue;
    let notes = first === 2 ? 1 : 0;
    let count = 1;
    let end = k;
    for (let q = k + 1; q < nb.length && q - end <= MAX_GAP; q++) {
      const c = kind(q);
      if (c === 0) continue;
      count++;
      if (c === 2) notes++;
      end = q;
    }
    // A form has a note among its lines (field names alone are a table or a list), and one
    // more line at least.
    if (notes >= 1 && count >= 2) {
      // Lines between two form lines belong to it when short (a placeholder, "Δ", "Yes");
      // a longer one splits the form around it.
      const inForm = (q: number) => kind(q) !== 0 || wordCountUpTo(lines[nb[q]], FILLER_WORDS + 1) <= FILLER_WORDS;
      const evidence = `a comment form ("${lines[nb[k]].trim().slice(0, 40)}", ${count} form lines)`;
      let a = -1;
      for (let q = k; q <= end + 1; q++) {
        if (q <= end && inForm(q)) {
          if (a < 0) a = q;
        } else if (a >= 0) {
          blocks.push({ first: nb[a], last: nb[q - 1], rule: 'site-chrome', evidence });
          a = -1;
        }
      }
    }
    k = end;
  }
  return blocks;
}
