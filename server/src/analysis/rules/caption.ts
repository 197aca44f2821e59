// Photo credits and captions that end in one ("Hikers on the ridge. Photo: Jane Doe",
// "Image credit: Shutterstock", "(Photo by John Smith)", "Jane Doe / Getty Images"). A copy
// of a page keeps every image's caption line; the article's text never ends in a credit.
// Site chrome: the picture is gone, its caption is furniture. Judged on the line's end, so a
// sentence that mentions a photograph in passing ("The photo: a family at the beach, ...")
// stays: the credit must be the last thing on a short line, with no sentence after it.
import { wordCount } from '../shape';
import { anyOf, lowerForPrecheck } from './precheck';
import type { LineHit } from './types';

/** Credit labels in several languages ("Photo:", "Image credit:", "Foto:", "Фото:"). */
const LABEL =
  '(?:photo(?:graph)?s?|image|picture|pic|illustration|graphic|credits?|photo credits?|image credits?|image source|photo source|header image|featured image|photography|source & photography|foto|fotos|fotografie|bild|bilder|imagen|crédit photo|crédits? photo|crédito|zdjęcie|fot\\.|kuva|фото|写真|图片|사진|صورة|फोटो|ảnh|fotoğraf|görsel|gambar|ilustrasi)';
/** What follows a label before its colon: "Photo courtesy of:", "Image by:", "Credit via:". */
const LABEL_TAIL = '(?:\\s+(?:courtesy(?:\\s+of)?|by|credits?|source|via))?';
/** The credited name: no sentence break after it (dots only inside names and domains). */
const NAME = '[^\\s:?!.][^:?!.。]{0,80}(?:\\.(?=\\S)[^:?!.。\\s]{1,40}){0,3}[)\\]]?';

// The label opens the line or follows a space, bracket or separator; the name ends it.
// (Korean credits use "=": "사진=연합뉴스".)
const CREDIT_AT_END = new RegExp(`(?:^|[\\s(\\[|•·—–-])${LABEL}${LABEL_TAIL}\\s*[:：=]\\s*${NAME}$`, 'iu');
// "(Photo by Jane Doe)", "[Image via Reuters]", "Photo courtesy of the museum".
const CREDIT_IN_BRACKETS = /[(\[](?:photo|image|picture|illustration|foto|bild)s?\s+(?:by|courtesy of|credit|via)\b[^()\[\]]{1,80}[)\]]\s*$|^(?:photo|image)s?\s+courtesy\s+of\s+\S[^.!?]{0,60}$/iu;
// "Jane Doe / Getty Images", "Wenjie Zheng / Shutterstock", "(AP Photo/Jane Doe)": a
// picture agency after a slash (a name's credit line, not a sentence about the agency).
const AGENCY_CREDIT =
  /\S\s*\/{1,2}\s*(?:getty images|shutterstock|istock(?:photo)?|alamy|afp|reuters|unsplash|pexels|adobe stock|dpa|epa|imago|picture alliance|bloomberg)(?:\s+(?:images|photo|plus|stock|via getty images|creative))?[)\]]?\s*$|\((?:ap|afp|reuters|epa) photo\s*\/[^()]{1,60}\)\s*$/iu;

// A picture agency's name alone on a line ("Getty Images"): the credit of a picture above.
// News agencies (AP, Reuters) are left out: alone on a line they are as often the byline.
const AGENCY_ALONE = /^(?:getty images|getty|shutterstock|istock(?:photo)?|alamy(?: stock photo)?|unsplash|pexels|adobe stock|imago(?: images)?|picture alliance)(?:\s*\/\s*[\p{L} .'-]{1,40})?$/iu;
// A gallery's furniture: "Image 1 of 9", "Foto 3 von 12", "Hide caption".
const GALLERY =
  /^(?:(?:image|photo|picture|slide|bild|foto|imagen|immagine|фото|слайд)\s+\d{1,3}\s*(?:of|von|de|di|sur|z|из)\s*\/?\s*\d{1,3}|(?:hide|show|toggle|expand|close)\s+caption|caption|enlarge this image|view (?:the )?gallery|bildunterschrift|légende)$/iu;

const KEYS = anyOf([
  'photo', 'image', 'picture', 'pic', 'illustration', 'graphic', 'credit', 'photograph', 'foto', 'bild', 'imagen', 'crédit', 'crédito',
  'zdjęcie', 'fot.', 'kuva', 'фото', '写真', '图片', '사진', 'صورة', 'फोटो', 'ảnh', 'getty', 'shutterstock', 'istock', 'alamy', 'afp',
  'reuters', 'unsplash', 'pexels', 'adobe stock', 'dpa', 'epa', 'imago', 'picture alliance', 'bloomberg', 'slide', 'caption',
  'imagen', 'immagine', 'слайд', 'gallery', 'bildunterschrift', 'légende', 'enlarge', 'fotoğraf', 'görsel', 'gambar', 'ilustrasi',
]);

/** Captions are short: a long line that happens to end in a credit is still read as text. */
const MAX_WORDS = 60;

export function matchCaptionLine(line: string): LineHit | null {
  const t = line.trim();
  if (t.length < 4 || t.length > 600) return null;
  // Every pattern below needs a colon, a slash or a bracket, a short line, or a line that
  // opens with "Photo"/"Image": a cheaper test than the words for most prose.
  if (t.length > 45 && !/[:：\/(\[]/.test(t) && !/^(?:photo|image)/i.test(t)) return null;
  const lower = lowerForPrecheck(t);
  if (lower !== null && !KEYS.test(lower)) return null;
  if (wordCount(t) > MAX_WORDS) return null;
  if (AGENCY_ALONE.test(t)) return { rule: 'site-chrome', evidence: `the picture credit "${t}"` };
  if (GALLERY.test(t)) return { rule: 'site-chrome', evidence: `image gallery furniture ("${t}")` };
  const m = CREDIT_AT_END.exec(t) ?? CREDIT_IN_BRACKETS.exec(t) ?? AGENCY_CREDIT.exec(t);
  if (!m) return null;
  const credit = m[0].replace(/^[\s(\[|•·—–-]+/u, '').trim();
  return { rule: 'site-chrome', evidence: `an image caption ending in the credit "${credit.length > 50 ? credit.slice(0, 49) + '…' : credit}"` };
}
