// R-SYS-03: the hash half of chain verification, table-driven: a page is per event its stored hash
// and its payload, and an event is good when its hash is SM3(the hash before it ‖ "\n" ‖ payload).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { firstBadHash, inThreadHasher, sm3Hex, workerHasher } from './hasher.ts';

const GENESIS = '0'.repeat(64);

/** A page of `count` events chained after `prev`, with its hashes, and the last hash. */
function page(count: number, prev = GENESIS, note = '基准测试事件') {
  const events: { hash: string; payload: string }[] = [];
  let h = prev;
  for (let i = 0; i < count; i++) {
    const payload = JSON.stringify([i + 1, 1764400000000 + i, null, 'system', { note }]);
    h = createHash('sm3').update(`${h}\n${payload}`).digest('hex');
    events.push({ hash: h, payload });
  }
  return { events, last: h };
}
const text = (events: { hash: string; payload: string }[]) =>
  events.map((e) => e.hash + e.payload).join('\u001e');

describe('audit page hashing (R-SYS-03)', () => {
  test('R-SYS-03 the one-shot SM3 agrees with createHash and with the SM3 test vector "abc"', () => {
    assert.equal(sm3Hex('abc'), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    for (const s of ['', '\n', '审计', 'a'.repeat(1000)]) {
      assert.equal(sm3Hex(s), createHash('sm3').update(s).digest('hex'));
    }
  });

  const { events } = page(6);
  const altered = (i: number) =>
    events.map((e, j) => (j === i ? { ...e, payload: e.payload.replace('测试', '测验') } : e));
  const relinked = (i: number) =>
    events.map((e, j) => (j === i ? { ...e, hash: sm3Hex(`${'a'.repeat(64)}\n${e.payload}`) } : e));
  const cases: { name: string; chunk: string; prev?: string; bad: number }[] = [
    { name: 'a good page', chunk: text(events), bad: -1 },
    { name: 'the first event altered', chunk: text(altered(0)), bad: 0 },
    { name: 'a middle event altered', chunk: text(altered(3)), bad: 3 },
    { name: 'the last event altered', chunk: text(altered(5)), bad: 5 },
    {
      name: 'the page after a hash other than its own first link',
      chunk: text(events),
      prev: 'f'.repeat(64),
      bad: 0,
    },
    { name: 'an event hashed over a forged previous hash', chunk: text(relinked(2)), bad: 2 },
    {
      name: 'a stored hash in capitals',
      chunk: text(events.map((e, j) => (j === 4 ? { ...e, hash: e.hash.toUpperCase() } : e))),
      bad: 4,
    },
  ];
  for (const c of cases) {
    test(`R-SYS-03 ${c.name}: the first bad event is ${c.bad}`, async () => {
      assert.equal(firstBadHash(c.chunk, 6, c.prev ?? GENESIS, sm3Hex), c.bad);
      assert.equal(await inThreadHasher().firstBad(c.chunk, 6, c.prev ?? GENESIS), c.bad);
      const w = workerHasher();
      try {
        assert.equal(await w.firstBad(c.chunk, 6, c.prev ?? GENESIS), c.bad);
      } finally {
        await w.close();
      }
    });
  }

  test('R-SYS-03 pages go on from the hash before them: a page hashed after the one before it', async () => {
    const one = page(3);
    const two = page(3, one.last, '第二页');
    assert.equal(firstBadHash(text(two.events), 3, one.last, sm3Hex), -1);
    assert.equal(firstBadHash(text(two.events), 3, GENESIS, sm3Hex), 0);
  });

  test('R-SYS-03 a worker hasher that may hash in the calling thread answers alike before and after its worker is ready', async () => {
    const good = text(events);
    const bad = text(altered(4));
    const w = workerHasher({ meanwhileInThread: true });
    try {
      const early = [await w.firstBad(good, 6, GENESIS), await w.firstBad(bad, 6, GENESIS)];
      await w.ready;
      const late = [await w.firstBad(good, 6, GENESIS), await w.firstBad(bad, 6, GENESIS)];
      assert.deepEqual(early, [-1, 4]);
      assert.deepEqual(late, [-1, 4]);
    } finally {
      await w.close();
    }
  });
});
