import { describe, expect, it } from 'vitest';
import { canaryInstruction, createCanary, findCanaries } from './canary.js';

describe('canary tokens', () => {
  it('creates distinct canaries with a fixed prefix', () => {
    const a = createCanary();
    expect(a).toMatch(/^VIGIE-CANARY-[0-9a-f]{16}$/);
    expect(createCanary()).not.toBe(a);
    expect(createCanary(() => Buffer.alloc(8, 0xab))).toBe('VIGIE-CANARY-abababababababab');
  });

  it('writes the instruction in English and French', () => {
    expect(canaryInstruction('VIGIE-CANARY-x', 'en')).toContain('VIGIE-CANARY-x');
    expect(canaryInstruction('VIGIE-CANARY-x', 'fr')).toMatch(/Marqueur confidentiel/);
  });

  const canary = 'VIGIE-CANARY-0f1e2d3c4b5a6978';
  it.each([
    ['plain', `Leaked: ${canary}!`, canary],
    ['lower case, spaced', 'vigie canary 0f1e 2d3c 4b5a 6978', 'vigie canary 0f1e 2d3c 4b5a 6978'],
    ['core only', 'code 0f1e2d3c4b5a6978 end', '0f1e2d3c4b5a6978'],
    ['Cyrillic look-alikes', 'VІGІE-CANARY-0f1e2d3c4b5a6978', 'VІGІE-CANARY-0f1e2d3c4b5a6978'],
    ['reversed', 'x 8796a5b4c3d2e1f0 y', '8796a5b4c3d2e1f0'],
    [
      'base64',
      `b64 ${Buffer.from(canary).toString('base64').replace(/=+$/, '')}`,
      Buffer.from(canary).toString('base64').replace(/=+$/, ''),
    ],
  ])('finds the %s form', (_name, text, span) => {
    const hits = findCanaries(text, [canary]);
    expect(hits).toHaveLength(1);
    expect(text.slice(hits[0]!.start, hits[0]!.end)).toBe(span);
  });

  it.each(['nothing here', 'VIGIE-CANARY-', '0f1e2d3c', ''])('ignores %j', (text) => {
    expect(findCanaries(text, [canary])).toEqual([]);
  });

  it('ignores canaries too short to be unique and handles none', () => {
    expect(findCanaries('abc', ['abc'])).toEqual([]);
    expect(findCanaries('text', [])).toEqual([]);
  });
});
