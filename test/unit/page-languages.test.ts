// A copied page in Czech, Romanian, Greek, Hungarian and German (test/fixtures/lang/pages/):
// clean() keeps exactly the story (headline to last paragraph, byline and date included) and
// drops the menu, the share and print buttons, the ad placeholder, both shelves, the
// newsletter box and the footer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, clean } from '../../server/src/analysis';

const DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'lang', 'pages');
/** The page's furniture inside the story (share, print, the ad placeholder), then the label
 *  of the shelf that follows the story. */
const FURNITURE: Record<string, [string[], string]> = {
  cs: [['Sdílet', 'Tisk', 'Reklama'], 'Související články'],
  ro: [['Distribuie', 'Printează', 'Publicitate'], 'Articole similare'],
  el: [['Κοινοποίηση', 'Εκτύπωση', 'Διαφήμιση'], 'Σχετικά άρθρα'],
  hu: [['Megosztás', 'Nyomtatás', 'Hirdetés'], 'Kapcsolódó cikkek'],
  de: [['Teilen', 'Drucken', 'Anzeige'], 'Mehr zum Thema'],
};

for (const [lang, [inside, shelf]] of Object.entries(FURNITURE)) {
  test(`copied page in ${lang}: the story stays, its furniture goes`, () => {
    const text = fs.readFileSync(path.join(DIR, `${lang}.txt`), 'utf8');
    const lines = text.split('\n');
    const model = analyze(text);
    const head = model.articles[0].headlineRange!.start.line;
    const story = lines.slice(head, lines.indexOf(shelf)).filter((l) => !inside.includes(l));
    assert.equal(clean(text), story.join('\n') + '\n');
    assert.equal(head, 10, `${lang}: the headline is line 11`);
  });
}
