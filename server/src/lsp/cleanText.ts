// The fix-all for a file that is not open: "Clean all dumps in workspace" sends each file's
// text and gets back the edits `newsdump clean` would make, plus whether the text is a news
// dump at all (so plain .txt files in `auto` mode that are not dumps are left alone).
import type { TextEdit } from 'vscode-languageserver/node';
import { analyze, fixAllEdits } from '../analysis';
import { looksLikeNewsDump } from './looksLikeNewsDump';
import { analyzeOptions, Settings } from './settings';

export interface CleanTextParams {
  uri: string;
  text: string;
  /** The file is in the newsdump language (*.dump.txt, *.news.txt): always a dump. */
  newsdumpLanguage: boolean;
}

export interface CleanTextResult {
  /** False when the file is skipped: not a dump (plaintext auto/never) or over the size limit. */
  dump: boolean;
  edits: TextEdit[];
  /** Words the edits delete, for the summary the user confirms. */
  wordsRemoved: number;
  reason: string | null;
}

export function cleanTextFor(params: CleanTextParams, settings: Settings): CleanTextResult {
  const skip = (reason: string): CleanTextResult => ({ dump: false, edits: [], wordsRemoved: 0, reason });
  if (params.text.length > settings.maxFileSizeMB * 1024 * 1024) return skip(`larger than newsdump.maxFileSizeMB (${settings.maxFileSizeMB} MB)`);
  if (!params.newsdumpLanguage && settings.plaintext === 'never') return skip('plain text, and newsdump.plaintext is "never"');
  const model = analyze(params.text, analyzeOptions(settings));
  if (model.notice) return skip(model.notice);
  if (!params.newsdumpLanguage && settings.plaintext === 'auto' && !looksLikeNewsDump(model)) return skip('does not look like a news dump');
  const edits = fixAllEdits(model);
  let wordsRemoved = 0;
  for (const e of edits) wordsRemoved += (params.text.slice(e.start, e.end).match(/\S+/gu) ?? []).length;
  return { dump: true, edits: edits.map((e) => ({ range: e.range, newText: e.newText })), wordsRemoved, reason: null };
}
