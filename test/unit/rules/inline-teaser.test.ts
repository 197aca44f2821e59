// inline-teaser: "ALSO READ | ..." teasers for other stories, as a line or inside a paragraph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, clean } from '../../../server/src/analysis';
import { doc, found } from '../../support/ruleCase';

const HEAD = 'India name squad for the England tour';
const P1 = 'The selectors named a sixteen-man squad on Monday, recalling two fast bowlers who missed the home series through injury.';
const P2 = 'The squad will travel to London next week and play two warm-up matches before the first Test at Headingley in June.';

test('valid: an "ALSO READ | ..." line is deleted whole', () => {
  const teaser = 'ALSO READ | Rohit Sharma steps down as Test captain after series defeat';
  const text = doc(HEAD, P1, teaser, P2);
  const model = analyze(text);
  assert.deepEqual(found(text), [['inline-teaser', teaser]]);
  assert.deepEqual(model.residue[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: teaser.length } });
  assert.equal(clean(text), doc(HEAD, P1, P2));
});

test('valid: "Lesen Sie auch: ..." on its own line', () => {
  const head = 'Stadtrat beschließt neuen Haushalt für Parks und Bibliotheken';
  const p1 = 'Der Stadtrat hat am Dienstag einen Haushalt beschlossen, der die Ausgaben für Parks und Bibliotheken um zwölf Prozent erhöht.';
  const teaser = 'Lesen Sie auch: Bürgermeister kündigt Rücktritt zum Jahresende an';
  const p2 = 'Die Stadträte sagten, das Geld werde über drei Jahre ausgegeben, vor allem für die Reparatur von Gebäuden, die seit dem Hochwasser geschlossen sind.';
  const text = doc(head, p1, teaser, p2);
  assert.deepEqual(found(text), [['inline-teaser', teaser]]);
  assert.equal(clean(text), doc(head, p1, p2));
});

test('valid: a glued "ALSO READ: ..." is cut exactly up to the paragraph\'s next sentence', () => {
  // From the cricket dev dump: the teaser headline has one capitalised word besides its first.
  const before = 'England\'s teenage spinner Shoaib Bashir took three wickets in 22 balls to give his side brief hope of levelling the series in Ranchi. ';
  const teaser = 'ALSO READ: Captain backs Bashir to become England\'s long-term spinner ';
  const after = 'England\'s captain said he was proud of the fight his side showed.';
  const line = before + teaser + after;
  const text = doc(HEAD, line, P2);
  const model = analyze(text);
  assert.deepEqual(found(text), [['inline-teaser', teaser]]);
  assert.deepEqual(model.residue[0].range, {
    start: { line: 1, character: before.length },
    end: { line: 1, character: before.length + teaser.length },
  });
  assert.equal(clean(text), doc(HEAD, before + after, P2));
});

test(
  'valid: a glued teaser whose paragraph resumes with a proper noun later in the sentence',
  () => {
    const before = 'The selectors named a sixteen-man squad on Monday, recalling two fast bowlers who missed the home series. ';
    const teaser = 'ALSO READ: Rohit Sharma steps down as Test captain after series defeat ';
    const after = 'The squad will travel to London next week and play two warm-up matches before the first Test.';
    const text = doc(HEAD, before + teaser + after, P2);
    assert.deepEqual(found(text), [['inline-teaser', teaser]]);
    assert.equal(clean(text), doc(HEAD, before + after, P2));
  },
);

test('invalid: "Read more about it in the report." in prose', () => {
  const text = doc(
    'Auditors find gaps in the city\'s flood defences',
    'The auditors found that two of the five pumping stations had not been inspected for more than a decade. Read more about it in the report. The council said it would publish a plan to fix the stations by the end of the month.',
    'Residents of the low-lying districts said they had warned the council about the pumps for years without getting an answer.',
  );
  assert.deepEqual(found(text), []);
  assert.equal(clean(text), text);
});

test('invalid: a line starting "Read more" as a sentence is not a teaser', () => {
  const text = doc(HEAD, P1, 'Read more widely, the coach told the younger players, and you will understand the game better.', P2);
  assert.deepEqual(found(text), []);
});

test(
  'invalid: "Read more:" followed by a lower-case sentence of the article',
  () => {
    const line =
      'The report was published on Tuesday. Read more: the auditors found that two of the five pumping stations had not been inspected for a decade.';
    const text = doc(HEAD, line, P2);
    assert.deepEqual(found(text), []);
  },
);

test('valid: teaser lines in Indonesian, Vietnamese, Arabic, Chinese, Japanese and Korean', () => {
  const cases: [string, string, string, string][] = [
    ['Dewan kota menyetujui anggaran baru untuk taman', 'Dewan kota pada hari Selasa menyetujui anggaran yang menaikkan belanja untuk taman dan perpustakaan sebesar dua belas persen.', 'Baca juga: Wali kota umumkan pengunduran diri akhir tahun', 'Para anggota dewan mengatakan uang itu akan dibelanjakan selama tiga tahun, sebagian besar untuk perbaikan gedung.'],
    ['Hội đồng thành phố thông qua ngân sách mới cho công viên', 'Hội đồng thành phố hôm thứ Ba đã thông qua ngân sách tăng chi tiêu cho công viên và thư viện thêm mười hai phần trăm.', 'Đọc thêm: Thị trưởng tuyên bố từ chức vào cuối năm', 'Các thành viên hội đồng cho biết số tiền sẽ được chi trong ba năm, phần lớn để sửa chữa các tòa nhà.'],
    ['市议会批准公园和图书馆的新预算', '市议会周二批准了一项预算，将公园和图书馆的支出提高百分之十二，这是五年来的首次增加，议员们对此进行了长时间的辩论。', '延伸阅读：市长宣布将于年底辞职', '议员们表示，这笔钱将在三年内使用，其中大部分将用于修缮自洪水以来一直关闭的建筑物，预计明年春天开始施工。'],
    ['市議会が公園と図書館の新予算を承認', '市議会は火曜日、公園と図書館への支出を十二パーセント増やす予算を承認した。五年ぶりの増額で、議員たちは長時間にわたって議論した。', '関連記事：市長が年末での辞任を表明', '議員らによると、資金は三年間で使われ、その大部分は洪水以来閉鎖されている建物の修理に充てられる。工事は来春に始まる予定だ。'],
    ['시의회, 공원과 도서관 새 예산 승인', '시의회는 화요일 공원과 도서관 지출을 12퍼센트 늘리는 예산을 승인했다. 5년 만의 첫 증액으로 의원들은 오랜 시간 토론했다.', '관련기사: 시장, 연말 사퇴 발표', '의원들은 이 돈이 3년에 걸쳐 쓰이며 대부분은 홍수 이후 폐쇄된 건물의 수리에 쓰일 것이라고 말했다.'],
  ];
  for (const [head, p1, teaser, p2] of cases) {
    const text = doc(head, p1, teaser, p2);
    assert.deepEqual(found(text), [['inline-teaser', teaser]], teaser);
  }
});

test('invalid: "Baca juga" in a sentence, without a separator', () => {
  const text = doc('Dewan kota menyetujui anggaran baru untuk taman', 'Baca juga artikel lainnya tentang anggaran kota di situs kami, yang diperbarui setiap hari oleh tim redaksi.', 'Para anggota dewan mengatakan uang itu akan dibelanjakan selama tiga tahun, sebagian besar untuk perbaikan gedung.');
  assert.deepEqual(found(text), []);
});

test('valid: the Turkish "AYRICA OKUYUN | ..." in capitals ("I", not "ı")', () => {
  const p = 'Belediye meclisi salı akşamı önümüzdeki beş yıl içinde kırk kilometre bisiklet yolu yapılmasını öngören planı onayladı.';
  const line = 'AYRICA OKUYUN | Yeni otobüs hattı havalimanını gara bağlayacak';
  assert.deepEqual(found(doc('Belediye meclisi bisiklet yolu planını onayladı', p, line, p)), [['inline-teaser', line]]);
});
