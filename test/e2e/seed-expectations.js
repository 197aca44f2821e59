'use strict';
// What every client must see for samples/seed-daily8.txt. Shared by the VS Code suite (which
// requires it from inside the extension host) and the neovim wrapper.
//
// Headlines and sources come from the seed's gold annotation (shared corpus,
// dev/seed-daily8.ann): four articles, the main one without a source line.

const SEED_NAME = 'seed-daily8.txt';

const RULES = ['sponsored-widget', 'ad-marker', 'promo', 'site-chrome', 'inline-teaser', 'broken-line', 'glued-heading'];

const ARTICLES = [
  {
    headline: 'Russia restricts Telegram and WhatsApp calls: Why the Kremlin is cracking down on messaging apps',
    source: null,
  },
  {
    headline: "‘Next time in Moscow': Putin spoke last words in English at Alaska summit while inviting Trump to Russia",
    source: 'Indian Express',
  },
  {
    headline:
      "'Stopping the killing is key': Volodymyr Zelenskyy urges Russia to halt strikes; calls Moscow's refusal to accept ceasefire 'complicating situation'",
    source: 'Time of India',
  },
  {
    headline: "Russia's Lavrov holds talks with Ankara, Budapest on outcomes of Alaska summit",
    source: 'India Today',
  },
];

/**
 * The fold that belongs to an article: starts within the article's lead lines (between the
 * symbol's first line and its headline line) and ends inside the article, after it starts.
 * Works for VS Code FoldingRange ({start,end}) and LSP FoldingRange ({startLine,endLine}).
 */
function foldForArticle(folds, first, headline, last) {
  return folds.find((f) => {
    const s = f.start ?? f.startLine;
    const e = f.end ?? f.endLine;
    return s >= first && s <= headline && e <= last && e > s;
  });
}

module.exports = { SEED_NAME, RULES, ARTICLES, foldForArticle };
