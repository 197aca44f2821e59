// Scripts without spaces between words: lines are judged on a word-spaced copy, so a Chinese
// or Thai paragraph is prose, not one long "word" that reads like a menu item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, clean } from '../../server/src/analysis';
import { wordSpaced } from '../../server/src/analysis/script';
import { wordCount } from '../../server/src/analysis/shape';

const LANG = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'lang');
const page = (f: string) => fs.readFileSync(path.join(LANG, f), 'utf8');

test('lines in spaced scripts are judged as written (the same string)', () => {
  for (const t of ['Monsoon covers entire country', 'Путин заявил, что', 'قال الرئيس', '한국은행, 기준금리 동결', 'मानसून ने पूरे देश को', '']) {
    assert.equal(wordSpaced(t), t);
  }
});

test('Chinese and Japanese: a word break every two letters, punctuation stays with its word', () => {
  assert.equal(wordSpaced('国家统计局发布数据'), '国家 统计 局发 布数 据');
  assert.equal(wordSpaced('增长，增速加快。'), '增长， 增速 加快。');
  assert.equal(wordSpaced('iPhone发布会'), 'iPhone 发布 会');
  assert.equal(wordSpaced('日銀、決定'), '日銀、 決定');
  // A Chinese paragraph of 60 letters counts as about 30 words, a menu item as one.
  assert.ok(wordCount(wordSpaced('国家统计局15日发布数据显示，10月份社会消费品零售总额同比增长百分之五点二，增速比上月加快零点八个百分点。'))>= 20);
  assert.equal(wordCount(wordSpaced('首页')), 1);
});

test('Thai: a word break every four letters', () => {
  assert.equal(wordSpaced('ข่าวเศรษฐกิจ'), 'ข่าว เศรษ ฐกิจ');
  assert.equal(wordCount(wordSpaced('หน้าแรก')), 2);
});

for (const [file, headline] of [
  ['zh.txt', '国家统计局发布十月经济数据 消费市场稳步回升'],
  ['ja.txt', '日銀、金融政策の現状維持を決定　追加利上げは見送り'],
  ['th.txt', 'ธนาคารแห่งประเทศไทยคงอัตราดอกเบี้ยนโยบาย'],
  ['ko.txt', '한국은행, 기준금리 동결 결정…물가 안정 흐름 지켜본다'],
  ['ar.txt', 'البنك المركزي يثبت أسعار الفائدة للمرة الثالثة على التوالي'],
  ['hi.txt', 'रिजर्व बैंक ने रेपो दर में कोई बदलाव नहीं किया, महंगाई पर नजर'],
] as [string, string | null][]) {
  test(`${file}: every body paragraph survives clean, the menu goes${headline ? ', the headline is found' : ''}`, () => {
    const text = page(file);
    const out = clean(text);
    const lines = text.split('\n');
    for (const body of lines.filter((l) => l.length >= 40 && !l.includes('©'))) assert.ok(out.includes(body), `kept: ${body.slice(0, 30)}`);
    assert.ok(!out.split('\n').includes(lines[0]), `menu line "${lines[0]}" deleted`);
    if (headline) assert.equal(analyze(text).articles[0]?.headline, headline);
  });
}

test('share, related-links and footer lines in these scripts are furniture', () => {
  for (const [file, furniture] of [['zh.txt', '分享到：'], ['ja.txt', '関連記事'], ['ko.txt', '관련기사'], ['th.txt', 'ข่าวที่เกี่ยวข้อง'], ['ar.txt', 'أخبار ذات صلة'], ['hi.txt', 'शेयर करें']]) {
    assert.ok(!clean(page(file)).split('\n').includes(furniture), `${file}: "${furniture}" deleted`);
  }
});
