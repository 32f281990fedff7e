import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CLEARANCES, type Clearance } from '../orgs/enums.ts';
import {
  clearanceCovers,
  compareLevels,
  isLevel,
  isStateSecret,
  LEVEL_LABELS,
  LEVELS,
  type Level,
  levelFromLabel,
  maxLevel,
} from './level.ts';

describe('levels', () => {
  test('R-LVL-01 labels are 公开 内部 工作秘密 秘密 机密 绝密', () => {
    assert.deepEqual(
      LEVELS.map((l) => LEVEL_LABELS[l].zh),
      ['公开', '内部', '工作秘密', '秘密', '机密', '绝密'],
    );
  });

  const stateSecret: [Level, boolean][] = [
    ['public', false],
    ['internal', false],
    ['work_secret', false],
    ['confidential', true],
    ['secret', true],
    ['top_secret', true],
  ];
  for (const [level, expected] of stateSecret) {
    test(`R-LVL-01 isStateSecret(${level}) is ${expected}`, () => {
      assert.equal(isStateSecret(level), expected);
    });
  }

  test('R-LVL-01 order is public < internal < confidential < secret < top_secret', () => {
    const chain: Level[] = ['public', 'internal', 'confidential', 'secret', 'top_secret'];
    for (let i = 0; i < chain.length; i++) {
      for (let j = 0; j < chain.length; j++) {
        const a = chain[i]!;
        const b = chain[j]!;
        assert.equal(Math.sign(compareLevels(a, b)), Math.sign(i - j), `${a} vs ${b}`);
      }
    }
  });

  test('R-LVL-01 work_secret ranks with internal, below every state-secret level', () => {
    assert.equal(compareLevels('work_secret', 'internal'), 0);
    assert.ok(compareLevels('work_secret', 'public') > 0);
    assert.ok(compareLevels('work_secret', 'confidential') < 0);
  });

  test('R-LVL-01 sorting by compareLevels', () => {
    const sorted = [...LEVELS].reverse().sort(compareLevels);
    assert.equal(sorted[0], 'public');
    assert.equal(sorted.at(-1), 'top_secret');
  });

  test('R-LVL-01 maxLevel picks the higher level', () => {
    assert.equal(maxLevel('secret', 'confidential'), 'secret');
    assert.equal(maxLevel('internal', 'top_secret'), 'top_secret');
    assert.equal(maxLevel('internal', 'work_secret'), 'internal');
  });

  // clearance × level: true where the clearance covers the level.
  const covers: Record<Clearance, Record<Level, boolean>> = {
    none: {
      public: true,
      internal: true,
      work_secret: true,
      confidential: false,
      secret: false,
      top_secret: false,
    },
    confidential: {
      public: true,
      internal: true,
      work_secret: true,
      confidential: true,
      secret: false,
      top_secret: false,
    },
    secret: {
      public: true,
      internal: true,
      work_secret: true,
      confidential: true,
      secret: true,
      top_secret: false,
    },
    top_secret: {
      public: true,
      internal: true,
      work_secret: true,
      confidential: true,
      secret: true,
      top_secret: true,
    },
  };
  for (const clearance of CLEARANCES) {
    test(`R-LVL-01 clearanceCovers table for clearance ${clearance}`, () => {
      for (const level of LEVELS) {
        assert.equal(clearanceCovers(clearance, level), covers[clearance][level], `${clearance} / ${level}`);
      }
    });
  }

  const labels: [string, Level | null][] = [
    ['绝密', 'top_secret'],
    ['機密', 'secret'],
    ['秘密级', 'confidential'],
    [' 内 部 ', 'internal'],
    ['工作秘密', 'work_secret'],
    ['公开', 'public'],
    ['保密', null],
    ['', null],
  ];
  for (const [label, level] of labels) {
    test(`R-LVL-01 levelFromLabel(${JSON.stringify(label)}) is ${level}`, () => {
      assert.equal(levelFromLabel(label), level);
    });
  }

  test('R-LVL-01 isLevel accepts only the six codes', () => {
    for (const l of LEVELS) assert.ok(isLevel(l));
    for (const x of ['TOP_SECRET', '机密', '', null, 3]) assert.equal(isLevel(x), false);
  });
});
