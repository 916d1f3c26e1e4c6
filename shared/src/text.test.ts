import { describe, expect, it } from 'vitest';
import { characterCount, cleanText, freeText } from './text.js';

const prose = (raw: string) => cleanText(raw, { multiline: true });
const line = (raw: string) => cleanText(raw, { multiline: false });

describe('cleanText removes what nobody can see or store', () => {
  it.each([
    ['NUL', 'I\u0000m worried', 'Im worried'],
    ['other C0 controls', 'a\u0001b\u0007c\u001bd\u007fe', 'abcde'],
    ['C1 controls', 'a\u0080b\u009fc', 'abc'],
    ['a lone high surrogate', 'sad \uD83D face', 'sad  face'],
    ['a lone low surrogate', 'sad \uDE22 face', 'sad  face'],
    ['a right-to-left override', 'pay \u202Eevil\u202C now', 'pay evil now'],
    ['bidi isolates', '\u2066a\u2069\u2067b\u2068c', 'abc'],
    ['zero-width spaces and a BOM', '\uFEFF077\u200B00 9\u206000', '07700 900'],
    ['a soft hyphen and Hangul fillers', 'sn\u00ADap\u3164 \u115Fme', 'snap me'],
    ['noncharacters', 'a\uFFFEb\uFFFFc\u{10FFFF}', 'abc'],
    ['tag characters that spell hidden ASCII', 'hi\u{E0068}\u{E0069}', 'hi'],
  ])('%s', (_label, raw, expected) => {
    expect(prose(raw)).toBe(expected);
  });

  it('keeps what real writing needs: emoji sequences, flags, ZWNJ, marks, accents', () => {
    const family = '👨\u200D👩\u200D👧';
    const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    const persian = 'می\u200Cخواهم';
    const mixed = 'Hebrew \u200Fשלום\u200E ok';
    for (const text of [family, england, persian, mixed, 'Zoë ❤️ café', 'שלום', '日本語']) expect(prose(text)).toBe(text);
  });

  it('puts text in NFC, so the same words are the same bytes', () => {
    expect(prose('cafe\u0301')).toBe('café');
  });

  it('keeps line breaks in prose (CR LF and the Unicode separators become LF) and folds them in one-line fields', () => {
    expect(prose(' one\r\ntwo\rthree\u2028four\tfive ')).toBe('one\ntwo\nthree\nfour\tfive');
    expect(line(' Ann\n\t Marie\u00A0 Lee ')).toBe('Ann Marie Lee');
  });

  it('copes with a megabyte in linear time', () => {
    const huge = 'x\u0000\u200B'.repeat(350_000);
    const started = performance.now();
    expect(prose(huge)).toBe('x'.repeat(350_000));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('freeText', () => {
  const Message = freeText({ max: 5, multiline: true });

  it('accepts any string after cleaning it', () => {
    expect(Message.parse(' hi\u0000! ')).toBe('hi!');
  });

  it('refuses empty text, naming the problem', () => {
    expect(Message.safeParse('\u200B \u0000').error?.issues[0]?.message).toBe('is empty');
    expect(freeText({ max: 5, required: false }).parse('\u0000')).toBe('');
  });

  it('counts characters as people see them (code points), after cleaning', () => {
    expect(Message.safeParse('😀😀😀😀😀').success).toBe(true);
    expect(Message.safeParse('😀😀😀😀😀😀').error?.issues[0]?.message).toBe('is too long (5 characters at most)');
    expect(Message.safeParse('ab\u200B\u200B\u200B\u200Bc').success).toBe(true);
    expect(characterCount('a😀b')).toBe(3);
  });

  it('refuses what is not a string, and never throws', () => {
    for (const value of [undefined, null, 1, NaN, {}, [], { toString: () => 'x' }, Symbol('s')]) {
      expect(Message.safeParse(value).error?.issues[0]?.message).toBe('must be text');
    }
  });

  it('names the field through the issue path inside an object', () => {
    const issues = freeText({ max: 3 }).array().safeParse(['ok', 'long one']).error?.issues;
    expect(issues?.[0]).toMatchObject({ path: [1], message: 'is too long (3 characters at most)' });
  });
});
