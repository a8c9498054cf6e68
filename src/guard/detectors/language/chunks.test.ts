import { describe, expect, it } from 'vitest';
import { chunkText, splitParagraphs } from './chunks.js';

describe('chunkText', () => {
  it.each([
    ['', 10],
    ['short', 10],
    ['one two three four five six seven', 10],
    ['x'.repeat(95), 10],
    ['line\n'.repeat(40), 16],
    ['😀'.repeat(30), 7],
  ])('covers %j exactly, each piece within the bound', (text, max) => {
    const chunks = chunkText(text, max);
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(max);
      expect(text.slice(c.offset, c.offset + c.text.length)).toBe(c.text);
    }
  });

  it('never splits a surrogate pair', () => {
    for (const c of chunkText('😀'.repeat(30), 7)) expect(c.text.length % 2).toBe(0);
  });
});

describe('splitParagraphs', () => {
  const parts = (text: string) => splitParagraphs(text).map((p) => text.slice(p.start, p.end));
  it.each([
    ['', []],
    ['one', ['one']],
    ['one\ntwo', ['one\ntwo']],
    ['one\n\ntwo', ['one', 'two']],
    ['one\r\n \r\ntwo\n\n\n', ['one\r', 'two']],
    ['\n\nlead', ['lead']],
  ])('%j', (text, expected) => {
    expect(parts(text)).toEqual(expected);
  });
});
