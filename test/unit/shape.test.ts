// Line shapes the rules share: what counts as a publication or comment time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRelativeTime, isTimeLine, normalize } from '../../server/src/analysis/shape';

test('valid: absolute dates with a time, as comment systems print them in several languages', () => {
  for (const t of [
    'December 19, 2025 at 13:01', 'December 18, 2025, 9:46 pm', '19 December 2025 at 1:01 pm', '19. Dezember 2025 um 13:01 Uhr',
    '19.12.2025 um 13:01 Uhr', '19 décembre 2025 à 13 h 01', '19/12/2025 à 13h01', '19 de diciembre de 2025 a las 13:01',
    '19 dicembre 2025 alle 13:01', '19 de dezembro de 2025 às 13:01', '19 декабря 2025 в 13:01', '2025-12-19 13:01',
  ]) assert.ok(isTimeLine(t), t);
});

test('valid: relative times, and only they count as relative', () => {
  for (const t of ['23 minutes ago', 'vor 2 Stunden', 'il y a 2 heures', 'hace 3 horas', '2 часа назад', '3 giorni fa', '2 uur geleden', '3 godziny temu', '2 saat önce', '2 jam yang lalu', '2 giờ trước', 'för 3 timmar sedan', '3시간 전', '2時間前']) {
    assert.ok(isTimeLine(t) && isRelativeTime(t), t);
  }
  assert.equal(isRelativeTime('19 December 2025 at 1:01 pm'), false);
});

test('invalid: sentences and headlines with a date in them', () => {
  for (const t of [
    'The council met on 19 December 2025 at 13:01 to vote.', 'Election day is 19 de diciembre de 2025 a las 13:01 y más',
    '19 reasons 2025 was a good year', 'At 13:01 the lights went out', 'December 19, 2025 at the latest',
  ]) assert.equal(isTimeLine(t), false, t);
});

test('normalize: Turkish capitals match their phrase ("İlgili Haberler" is "ilgili haberler"; "ı" and "I" both give "i")', () => {
  assert.equal(normalize('İlgili Haberler'), 'ilgili haberler');
  assert.equal(normalize('  Tüm Hakları Saklıdır. '), 'tüm haklari saklidir');
  assert.equal(normalize('TÜM HAKLARI SAKLIDIR'), 'tüm haklari saklidir');
});

test('isRelativeTime: relative times in Czech, Romanian, Hungarian, Greek, Bulgarian, Ukrainian, Croatian, Finnish, Danish', () => {
  for (const t of ['před 2 hodinami', 'pred 5 minútami', 'acum 2 ore', 'acum o oră', '2 órája', '15 perce', 'πριν από 2 ώρες', 'преди 3 часа', '2 години тому', 'prije 2 sata', '2 tuntia sitten', 'for 2 timer siden']) {
    assert.ok(isRelativeTime(t), t);
  }
  for (const t of ['před domem stál vůz', 'acum este momentul', '2 alma', 'prije nego što je otišao']) assert.ok(!isRelativeTime(t), t);
});

test('isRelativeTime: short forms and more scripts ("2h ago", "vor 2 Std.", "2 godz. temu", "منذ ساعتين", "2 घंटे पहले")', () => {
  for (const t of ['2h ago', '3d ago', 'vor 2 Std.', '2 godz. temu', '2 ч. назад', 'منذ ساعتين', 'منذ 5 دقائق', 'לפני 2 שעות', '2 घंटे पहले', '2 ชั่วโมงที่แล้ว']) assert.ok(isRelativeTime(t), t);
  for (const t of ['2h agony', 'منذ زمن بعيد كان هناك', 'vor dem Haus']) assert.ok(!isRelativeTime(t), t);
});
