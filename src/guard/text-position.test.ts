import { describe, expect, it } from 'vitest';
import { LineIndex } from './text-position.js';

describe('LineIndex', () => {
  const text = 'ab\ncd\r\nef\rgh😀i';
  it.each([
    [0, 1, 1],
    [2, 1, 3],
    [3, 2, 1],
    [7, 3, 1],
    [10, 4, 1],
    [14, 4, 5],
    [15, 4, 6],
  ])('offset %i -> line %i, column %i', (offset, line, column) => {
    expect(new LineIndex(text).position(offset)).toEqual({ line, column });
  });
});
