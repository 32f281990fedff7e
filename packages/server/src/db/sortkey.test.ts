import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sortKey } from './sortkey.ts';

const byKey = (names: string[], kind: 'name' | 'text' = 'name') =>
  [...names].sort((a, b) => {
    const [x, y] = [sortKey(a, kind), sortKey(b, kind)];
    return x < y ? -1 : x > y ? 1 : 0;
  });

test('Chinese names sort by pinyin: 李四 (li) before 张三 (zhang)', () => {
  assert.equal(sortKey('张三'), 'zhang san');
  assert.equal(sortKey('李四'), 'li si');
  assert.deepEqual(byKey(['张三', '李四', '王五', '赵六']), ['李四', '王五', '张三', '赵六']);
});

test('polyphonic characters: pinyin-pro reads words in context, and surnames as surnames', () => {
  assert.equal(sortKey('重庆市', 'text'), 'chong qing shi');
  assert.equal(sortKey('银行', 'text'), 'yin hang');
  assert.equal(sortKey('单田芳', 'name'), 'shan tian fang');
  assert.equal(sortKey('吕布'), 'lv bu');
});

test('Latin names sort with the Chinese ones, case-insensitively', () => {
  assert.deepEqual(
    byKey(['张三', 'alice', 'Bob', '李四', 'Zoe']),
    ['alice', 'Bob', '李四', '张三', 'Zoe'],
    'zhang san < zoe',
  );
  assert.equal(sortKey('  Mary  Ann '), 'mary ann');
});
