import { describe, expect, it } from 'vitest';
import { type AccountEvent, detectBursts } from './bursts.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 0, 10);

/** n accounts created `ageMs` before T0 each acting on `item` at T0 + i * stepMs. */
function wave(prefix: string, n: number, item: string, stepMs: number, ageMs: number) {
  const created = new Map<string, number>();
  const events: AccountEvent[] = [];
  for (let i = 0; i < n; i++) {
    const account = `${prefix}${i}`;
    created.set(account, T0 - ageMs);
    events.push({ account, item, at: T0 + i * stepMs });
  }
  return { created, events };
}

describe('detectBursts', () => {
  it('reports 12 day-old accounts rating one item within an hour', () => {
    const bots = wave('bot', 12, 'sku-1', 60_000, DAY);
    const bursts = detectBursts(bots.events, bots.created);
    expect(bursts).toHaveLength(1);
    expect(bursts[0]).toMatchObject({
      item: 'sku-1',
      start: T0,
      end: T0 + 11 * 60_000,
      totalAccounts: 12,
      newShare: 1,
    });
    expect(bursts[0]!.accounts).toHaveLength(12);
  });

  it.each([
    ['old accounts', wave('old', 12, 'sku-1', 60_000, 400 * DAY)],
    ['activity spread over days', wave('slow', 12, 'sku-1', 6 * HOUR, DAY)],
    ['too few accounts', wave('few', 9, 'sku-1', 60_000, DAY)],
  ])('ignores %s', (_name, w) => {
    expect(detectBursts(w.events, w.created)).toEqual([]);
  });

  it('ignores new accounts drowned in established activity', () => {
    const bots = wave('bot', 10, 'sku-1', 60_000, DAY);
    const fans = wave('fan', 30, 'sku-1', 20_000, 400 * DAY);
    const created = new Map([...bots.created, ...fans.created]);
    expect(detectBursts([...bots.events, ...fans.events], created)).toEqual([]);
    // With a lower share required, the same bots are a burst.
    expect(detectBursts([...bots.events, ...fans.events], created, { minNewShare: 0.2 })).toHaveLength(1);
  });

  it('keeps items apart and counts an account once', () => {
    const a = wave('bot', 10, 'sku-1', 60_000, DAY);
    const b = wave('bot', 10, 'sku-2', 60_000, DAY);
    const repeat = a.events.map((e) => ({ ...e, at: e.at + 1000 }));
    const bursts = detectBursts([...a.events, ...b.events, ...repeat], a.created);
    expect(bursts.map((x) => [x.item, x.accounts.length])).toEqual([
      ['sku-1', 10],
      ['sku-2', 10],
    ]);
  });
});
