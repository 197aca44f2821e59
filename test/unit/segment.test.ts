// Segmentation through the public API: which articles a dump holds, with their headlines,
// sources, times and ranges, for each layout the engine knows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, clean } from '../../server/src/analysis';
import { parseAnn } from '../support/ann';

const FIX = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');
const SEED = fs.readFileSync(path.join(FIX, 'seed-daily8.txt'), 'utf8');
const doc = (...lines: string[]) => lines.join('\n') + '\n';
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

test('the seed: a main article and three related ones with source and time', () => {
  const model = analyze(SEED);
  assert.equal(model.shape, 'aggregator');
  assert.deepEqual(
    model.articles.map((a) => [a.role, a.source, a.published]),
    [
      ['main', null, null],
      ['related', 'Indian Express', '23 minutes ago'],
      ['related', 'Time of India', '31 minutes ago'],
      ['related', 'India Today', 'an hour ago'],
    ],
  );
  assert.deepEqual(
    model.articles.map((a) => a.headline),
    [
      'Russia restricts Telegram and WhatsApp calls: Why the Kremlin is cracking down on messaging apps',
      "‘Next time in Moscow': Putin spoke last words in English at Alaska summit while inviting Trump to Russia",
      "'Stopping the killing is key': Volodymyr Zelenskyy urges Russia to halt strikes; calls Moscow's refusal to accept ceasefire 'complicating situation'",
      "Russia's Lavrov holds talks with Ankara, Budapest on outcomes of Alaska summit",
    ],
  );
});

test('the seed: headline lines, article ranges and the related group', () => {
  const model = analyze(SEED);
  const lines = SEED.split('\n');
  for (const a of model.articles) {
    assert.ok(a.headlineRange);
    assert.equal(lines[a.headlineRange.start.line], a.headline);
    assert.deepEqual(a.headlineRange.start.character, 0);
  }
  // Main: from its headline (line 1; line 0 is blank) to the end of its last kept line.
  assert.equal(model.articles[0].range.start.line, 1);
  assert.ok(model.articles[0].range.end.line < lineOf(SEED, 'Indian Express'));
  // A related article starts at its source line, the headline follows the "- source" echo.
  const ie = lineOf(SEED, '\nIndian Express\n') + 1;
  assert.equal(model.articles[1].range.start.line, ie);
  assert.equal(model.articles[1].headlineRange!.start.line, ie + 3);
  assert.equal(model.articles[2].range.start.line, lineOf(SEED, '\nTime of India\n') + 1);
  assert.equal(model.articles[3].range.start.line, lineOf(SEED, '\nIndia Today\n') + 1);
  // Articles do not overlap and come in order.
  for (let i = 1; i < model.articles.length; i++) {
    assert.ok(model.articles[i].range.start.line > model.articles[i - 1].range.end.line);
  }
  assert.equal(model.groups.length, 1);
  assert.deepEqual(model.groups[0].articles, [1, 2, 3]);
  assert.deepEqual(model.groups[0].range.start, model.articles[1].range.start);
  assert.deepEqual(model.groups[0].range.end, model.articles[3].range.end);
});

test('the seed: sections of the main article and the article each finding sits in', () => {
  const model = analyze(SEED);
  assert.deepEqual(
    model.articles[0].sections.map((s) => s.title),
    ['Telegram and WhatsApp face legal and compliance issues', 'Telegram and WhatsApp respond', 'Push for a state-backed messaging platform'],
  );
  const byRule = (rule: string) => model.residue.filter((r) => r.rule === rule).map((r) => r.article);
  assert.deepEqual(byRule('sponsored-widget'), [0, 2]);
  assert.deepEqual(byRule('ad-marker'), [3]);
  assert.deepEqual(byRule('promo'), [0]);
});

test('scraper dump with Title:/URL:/Date: headers: one article per entry', () => {
  const text = doc(
    'Title: Council approves new budget for city parks',
    'URL: https://example.com/news/council-budget',
    'Date: 2026-07-02',
    '',
    'The city council on Tuesday approved a budget that raises spending on parks and libraries by twelve percent, the first increase in five years.',
    'Councillors said the money would be spent over three years, with most of it going to repairs of buildings that have been closed since the flood.',
    '',
    'Title: Heavy rain floods roads in the north of the city',
    'URL: https://example.com/news/rain-floods',
    'Date: 2026-07-03',
    'Source: City Herald',
    '',
    'Heavy rain flooded several roads in the north of the city on Wednesday, closing two schools and delaying buses for most of the morning.',
    'Advertisement',
    'Forecasters said more rain was expected on Thursday, and the council urged residents to avoid driving through standing water.',
    '',
    'Title: Library reopens after two years of repairs',
    'URL: https://example.com/news/library-reopens',
    'Date: 2026-07-04',
    '',
    "The central library reopened on Thursday after two years of repairs, with a new children's room and a café on the ground floor.",
  );
  const model = analyze(text);
  assert.equal(model.shape, 'scraper');
  assert.deepEqual(
    model.articles.map((a) => [a.role, a.headline, a.published, a.source]),
    [
      ['entry', 'Council approves new budget for city parks', '2026-07-02', null],
      ['entry', 'Heavy rain floods roads in the north of the city', '2026-07-03', 'City Herald'],
      ['entry', 'Library reopens after two years of repairs', '2026-07-04', null],
    ],
  );
  // The headline range starts after "Title: ".
  assert.deepEqual(model.articles[0].headlineRange, { start: { line: 0, character: 7 }, end: { line: 0, character: 49 } });
  assert.deepEqual(model.articles.map((a) => a.range.start.line), [0, 7, 16]);
  // Header lines are never residue; the ad marker is, in the second article.
  assert.deepEqual(model.residue.map((r) => [r.rule, r.article, r.range.start.line]), [['ad-marker', 1, 13]]);
  assert.deepEqual(model.groups, []);
});

test('scraper dump separated by ----- rules: one article per entry', () => {
  const text = doc(
    'Council approves new budget for city parks',
    'The city council on Tuesday approved a budget that raises spending on parks and libraries by twelve percent, the first increase in five years.',
    'Councillors said the money would be spent over three years, with most of it going to repairs of buildings that have been closed since the flood.',
    '--------------------',
    'Heavy rain floods roads in the north of the city',
    'Heavy rain flooded several roads in the north of the city on Wednesday, closing two schools and delaying buses for most of the morning.',
    'Forecasters said more rain was expected on Thursday, and the council urged residents to avoid driving through standing water.',
    '--------------------',
    'Library reopens after two years of repairs',
    "The central library reopened on Thursday after two years of repairs, with a new children's room and a café on the ground floor.",
  );
  const model = analyze(text);
  assert.equal(model.shape, 'scraper');
  assert.deepEqual(
    model.articles.map((a) => [a.headline, a.range.start.line, a.range.end.line]),
    [
      ['Council approves new budget for city parks', 0, 2],
      ['Heavy rain floods roads in the north of the city', 4, 6],
      ['Library reopens after two years of repairs', 8, 9],
    ],
  );
  // The rule lines themselves are neither articles nor residue.
  assert.deepEqual(model.residue, []);
});

test('a dinkus (***) inside one story does not split it', () => {
  const text = doc(
    'Council approves new budget for city parks',
    'The city council on Tuesday approved a budget that raises spending on parks and libraries by twelve percent, the first increase in five years.',
    '***',
    'Councillors said the money would be spent over three years, with most of it going to repairs of buildings that have been closed since the flood.',
  );
  const model = analyze(text);
  assert.equal(model.articles.length, 1);
  assert.equal(model.articles[0].headline, 'Council approves new budget for city parks');
  assert.equal(model.articles[0].range.end.line, 3);
});

test('a single article: one main article, headline and body', () => {
  const text = doc(
    'Council approves new budget for city parks and libraries',
    'The city council on Tuesday approved a budget that raises spending on parks and libraries by twelve percent, the first increase in five years.',
    'Councillors said the money would be spent over three years, with most of it going to repairs of buildings that have been closed since the flood.',
    'Funding for the plan',
    'The mayor said the budget would be paid for from reserves and a small rise in parking charges, without raising the council tax this year.',
  );
  const model = analyze(text);
  assert.equal(model.shape, 'single');
  assert.equal(model.articles.length, 1);
  const a = model.articles[0];
  assert.equal(a.role, 'main');
  assert.equal(a.headline, 'Council approves new budget for city parks and libraries');
  assert.deepEqual(a.headlineRange, { start: { line: 0, character: 0 }, end: { line: 0, character: 56 } });
  assert.deepEqual(a.bodyRange.start, { line: 1, character: 0 });
  assert.equal(a.bodyRange.end.line, 4);
  assert.deepEqual(a.sections.map((s) => [s.title, s.range.start.line, s.range.end.line]), [['Funding for the plan', 3, 4]]);
  assert.deepEqual(model.groups, []);
});

test(
  'a single article: byline and dateline under the headline are metadata, not sections',
  () => {
    const text = doc(
      'Council approves new budget for city parks and libraries',
      'By Jane Smith',
      'July 2, 2026',
      'The city council on Tuesday approved a budget that raises spending on parks and libraries by twelve percent, the first increase in five years.',
      'Councillors said the money would be spent over three years, with most of it going to repairs of buildings that have been closed since the flood.',
    );
    const a = analyze(text).articles[0];
    assert.equal(a.byline, 'By Jane Smith');
    assert.equal(a.published, 'July 2, 2026');
    assert.deepEqual(a.sections, []);
  },
);

test('a Russian article: "Опубликовано ..." under the headline is its dateline', () => {
  const text = doc(
    'Городской совет утвердил новый бюджет для парков и библиотек',
    'Опубликовано 12 марта 2026',
    'Городской совет во вторник утвердил бюджет, который увеличивает расходы на парки и библиотеки на двенадцать процентов, впервые за пять лет.',
    'Депутаты заявили, что деньги будут потрачены в течение трёх лет, большая часть пойдёт на ремонт зданий, закрытых после наводнения.',
  );
  assert.equal(analyze(text).articles[0].published, 'Опубликовано 12 марта 2026');
});

test('a copied page: one article, the page furniture around it is residue', () => {
  const doc2 = parseAnn(path.join(FIX, 'single-page-india.ann'));
  const model = analyze(doc2.data);
  assert.equal(model.shape, 'page');
  assert.equal(model.articles.length, 1);
  assert.equal(model.articles[0].role, 'main');
  const removed = model.residue.filter((r) => r.fix.kind === 'delete').map((r) => doc2.data.slice(r.start, r.end));
  for (const s of ['Advertisement', 'ALSO READ | Heavy rain lashes Mumbai, local trains delayed', 'Story continues below this ad']) {
    assert.ok(removed.includes(s), s);
  }
  assert.ok(removed.some((s) => s.includes('Copyright © 2026. All Rights Reserved.')));
});

test(
  'a copied page: the headline, byline and time come from the article, not the menu',
  () => {
    const model = analyze(parseAnn(path.join(FIX, 'single-page-india.ann')).data);
    const a = model.articles[0];
    assert.equal(a.headline, 'Monsoon covers entire country six days ahead of schedule, says IMD');
    assert.equal(a.byline, 'Written By: Press Trust of India');
    assert.equal(a.published, 'Updated: Jul 2, 2026, 18:12 IST');
    assert.deepEqual(a.sections, []);
  },
);

test('empty and blank input: no articles, shape empty', () => {
  for (const t of ['', '\n\n', '   \r\n']) {
    const model = analyze(t);
    assert.equal(model.shape, 'empty');
    assert.deepEqual(model.articles, []);
    assert.deepEqual(model.residue, []);
  }
});

test('binary input: a notice, no analysis', () => {
  const model = analyze('PK\u0003\u0004\u0000\u0000binary');
  assert.equal(model.shape, 'binary');
  assert.ok(model.notice);
  assert.deepEqual(model.residue, []);
});

test('a comment thread (name / "1 year ago" / "Reply to ..." / comment) is not a shelf of related articles', () => {
  const story = (n: number) => `Paragraph ${n} of the post: we pulled the sofa away from the wall and the room finally had space to breathe, which is the whole point of this series.`;
  const comment = (name: string, to: string | null, n: number) =>
    [name, '1 year ago', ...(to ? [`Reply to ${to}`] : []), `Comment ${n}: this was so helpful, I moved my own sofa this weekend and the living room feels twice as big now.`, String(n)];
  const text = doc(
    'Fix It Friday: Three Living Rooms', '', story(1), story(2), story(3), story(4), '', '36 Comments', 'Newest Most Voted',
    ...comment('Melissa', 'Sara', 1), ...comment('JRS', null, 2), ...comment('Stephanie', 'cse', 3), ...comment('Diane', 'cse', 4),
  );
  const model = analyze(text);
  assert.notEqual(model.shape, 'aggregator');
  assert.equal(model.articles.length, 1);
  // the thread is residue, the story is not
  const removed = model.residue.map((r) => [r.range.start.line, r.range.end.line]);
  assert.ok(removed.some(([a, b]) => a <= 8 && b >= 12), JSON.stringify(removed));
  assert.ok(removed.every(([a]) => a > 5), JSON.stringify(removed));
});

test('a Japanese page: the headline sits above the byline and the date, never the date itself', () => {
  const head = '市議会が公園と図書館の新予算を承認';
  const text = doc(
    'ホーム', 'ニュース', '経済', 'スポーツ', 'エンタメ', 'ログイン', '', head, '', '山田花子', '2025年12月19日 13時01分', '',
    '市議会は火曜日、公園と図書館への支出を十二パーセント増やす予算を承認した。五年ぶりの増額で、議員たちは四時間以上にわたって議論した。',
    '反対派は歳入の見通しが楽観的すぎると警告したが、採決は七対二で可決された。市長は選挙戦で図書館の開館時間の回復を公約していた。',
    '計画によると、分館は三月から日曜日の開館を再開し、公園課は夏に向けて四十人の季節労働者を雇用する。批判派は道路の補修にもっと予算を割くべきだったと述べた。',
    '', '利用規約', 'プライバシーポリシー', 'お問い合わせ',
  );
  const [a] = analyze(text).articles;
  assert.equal(a.headline, head);
  assert.equal(a.published, '2025年12月19日 13時01分');
  assert.ok(clean(text).includes(head));
});

test('bylines in other languages under the headline stay: "Oleh ...", "홍길동 기자", "记者 张三"', () => {
  const cases: { nav: string[]; head: string; byline: string; date: string; body: string[] }[] = [
    {
      nav: ['Beranda', 'Nasional', 'Ekonomi', 'Olahraga', 'Masuk'],
      head: 'Dewan Kota Setujui Anggaran Baru untuk Taman dan Perpustakaan', byline: 'Oleh Siti Rahma', date: 'Selasa, 19 Desember 2025 13:01 WIB',
      body: [
        'Dewan kota pada hari Selasa menyetujui anggaran yang menaikkan belanja untuk taman dan perpustakaan sebesar dua belas persen, kenaikan pertama dalam lima tahun.',
        'Para anggota dewan memberikan suara tujuh banding dua setelah perdebatan lebih dari empat jam, dengan penentang memperingatkan proyeksi pendapatan yang terlalu optimistis.',
        'Menurut rencana itu, perpustakaan cabang akan kembali buka pada hari Minggu mulai Maret, dan dinas taman akan merekrut empat puluh pekerja musiman.',
      ],
    },
    {
      nav: ['홈', '정치', '경제', '사회', '로그인'],
      head: '시의회, 공원과 도서관 새 예산 승인', byline: '홍길동 기자', date: '2025.12.19 13:01',
      body: [
        '시의회는 화요일 공원과 도서관 지출을 12퍼센트 늘리는 예산을 승인했다. 5년 만의 첫 증액으로 의원들은 네 시간 넘게 토론했다.',
        '반대 의원들은 세입 전망이 지나치게 낙관적이라고 경고했지만, 표결은 7대 2로 통과됐다. 시장은 선거 운동에서 도서관 개관 시간 복원을 약속했다.',
        '계획에 따르면 분관은 3월부터 일요일 개관을 재개하고, 공원과는 여름을 앞두고 계절 근로자 40명을 채용한다. 비판론자들은 도로 보수에 더 많은 예산을 배정했어야 한다고 말했다.',
      ],
    },
    {
      nav: ['首页', '新闻', '财经', '体育', '登录'],
      head: '市议会批准公园和图书馆的新预算', byline: '记者 张三', date: '2025年12月19日 13:01',
      body: [
        '市议会周二批准了一项预算，将公园和图书馆的支出提高百分之十二，这是五年来的首次增加，议员们对此进行了超过四个小时的辩论。',
        '反对者警告说收入预测过于乐观，但表决以七比二通过。市长在竞选期间曾承诺恢复图书馆的开放时间，她表示投票结果体现了居民的意愿。',
        '根据该计划，分馆将从三月起恢复周日开放，公园部门将为夏季招聘四十名季节性工人。批评者说，议会本应为道路维修拨出更多资金。',
      ],
    },
  ];
  for (const c of cases) {
    const text = doc(...c.nav, '', c.head, '', c.byline, c.date, '', ...c.body, '');
    const [a] = analyze(text).articles;
    assert.deepEqual([a.headline, a.byline], [c.head, c.byline]);
    assert.ok(clean(text).includes(c.byline), c.byline);
  }
});

test('aggregator dumps in Japanese and Korean: sources without case, headlines without spaces', () => {
  const b = (n: number) => `本文${n}：市議会は火曜日、公園と図書館への支出を十二パーセント増やす予算を承認した。五年ぶりの増額で、議員たちは四時間以上にわたって議論した。`;
  const ja = doc('市議会が公園と図書館の新予算を承認', '', b(1), b(2), '', '関連記事', '', '朝日新聞', '2時間前', '- 朝日新聞', '市が中心部に新しい自転車道を計画', b(3), '', '読売新聞', '3時間前', '- 読売新聞', '2026年度予算で何が変わるか', b(4));
  const m = analyze(ja);
  assert.equal(m.shape, 'aggregator');
  assert.deepEqual(m.articles.slice(1).map((a) => [a.headline, a.source, a.published]), [
    ['市が中心部に新しい自転車道を計画', '朝日新聞', '2時間前'],
    ['2026年度予算で何が変わるか', '読売新聞', '3時間前'],
  ]);
  const ko = doc('시의회, 공원과 도서관 새 예산 승인', '', '본문 1: 시의회는 화요일 공원과 도서관 지출을 12퍼센트 늘리는 예산을 승인했다. 5년 만의 첫 증액이다.', '',
    '연합뉴스', '2시간 전', '- 연합뉴스', '시, 도심에 새 자전거 도로 계획', '본문 2: 시는 도심에 새 자전거 도로를 만드는 계획을 발표했으며 다음 주 의회에서 논의될 예정이다.', '',
    '조선일보', '3시간 전', '- 조선일보', '2026년 예산, 무엇이 바뀌나', '본문 3: 새 예산에는 여러 지역의 도로와 학교 보수를 위한 지출 증가가 포함되어 있다.');
  assert.deepEqual(analyze(ko).articles.slice(1).map((a) => a.source), ['연합뉴스', '조선일보']);
});

test('scraper dumps with header fields in other languages, and full-width colons', () => {
  const es = doc(
    'Título: El concejo aprueba más gasto para parques', 'Fuente: El País', 'Fecha: 2025-12-19', '',
    'El concejo municipal aprobó el martes un presupuesto que aumenta el gasto en parques y bibliotecas un doce por ciento.', '',
    'Título: La ciudad planea nuevos carriles bici', 'Fuente: El Mundo', 'Fecha: 2025-12-18', '',
    'El ayuntamiento presentó un plan para construir nuevos carriles bici en el centro, que se debatirá la próxima semana.',
  );
  const m = analyze(es);
  assert.equal(m.shape, 'scraper');
  assert.deepEqual(m.articles.map((a) => [a.headline, a.source, a.published]), [
    ['El concejo aprueba más gasto para parques', 'El País', '2025-12-19'],
    ['La ciudad planea nuevos carriles bici', 'El Mundo', '2025-12-18'],
  ]);
  const zh = doc('标题：市议会批准公园和图书馆的新预算', '来源：新华社', '日期：2025-12-19', '', '市议会周二批准了一项预算，将公园和图书馆的支出提高百分之十二。', '',
    '标题：城市计划修建新的自行车道', '来源：人民日报', '日期：2025-12-18', '', '市政府公布了在市中心修建新自行车道的计划，下周将由议会讨论。');
  assert.deepEqual(analyze(zh).articles.map((a) => [a.headline, a.source]), [['市议会批准公园和图书馆的新预算', '新华社'], ['城市计划修建新的自行车道', '人民日报']]);
});

// With the "- source" echo, the line between source and echo is the entry's time whatever its
// language (here Swahili, which no time pattern knows).
const SW_MAIN = [
  'Baraza la jiji laidhinisha mpango wa njia za baiskeli kwa miaka mitano ijayo',
  'Baraza la jiji limeidhinisha mpango wa kujenga kilomita arobaini za njia za baiskeli katika miaka mitano ijayo, kwa mujibu wa naibu meya wa jiji.',
  'Gharama yote inakadiriwa kuwa shilingi bilioni mbili, na sehemu yake italipwa na serikali ya mkoa kabla ya kazi kuanza.',
];
const SW_ENTRY = (src: string, time: string, echo: string) => [
  '', src, time, echo,
  'Kituo kikuu: kazi za ujenzi zitachelewa kwa miezi sita zaidi',
  'Kazi katika kituo kikuu zitachelewa kwa miezi sita zaidi, kampuni ya reli ilisema, kwa sababu vifaa vya paa la jukwaa havijafika bado.',
];

test('an aggregator entry in a language no time pattern knows: the "- source" echo makes the layout', () => {
  const model = analyze(doc(...SW_MAIN, ...SW_ENTRY('Habari Leo', 'dakika 23 zilizopita', '- Habari Leo')));
  assert.equal(model.shape, 'aggregator');
  assert.deepEqual(model.articles.map((a) => [a.source, a.published]), [[null, null], ['Habari Leo', 'dakika 23 zilizopita']]);
});

test('invalid: without the echo, an unknown time line makes no entry; with it, a sentence is no time line', () => {
  assert.equal(analyze(doc(...SW_MAIN, ...SW_ENTRY('Habari Leo', 'dakika 23 zilizopita', ''))).articles.length, 1);
  assert.equal(analyze(doc(...SW_MAIN, ...SW_ENTRY('Habari Leo', 'Habari hii iliandikwa jana.', '- Habari Leo'))).articles.length, 1);
});
