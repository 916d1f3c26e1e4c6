import { describe, expect, it } from 'vitest';
import { DEFAULT_SAFEGUARDING_KEYWORDS } from './default-keywords.js';
import { keywordChanges, keywordsForSession } from './keyword-lists.js';

describe('keywordsForSession', () => {
  it('is null (the default) when neither school nor the partnership has a list', () => {
    expect(keywordsForSession([null, null], null)).toBeNull();
  });

  it("checks a shared session against both schools' lists, once each", () => {
    expect(keywordsForSession([['peng', 'link up'], ['Link  Up', 'opps']], null)).toEqual(['peng', 'link up', 'opps']);
  });

  it('fills a school without its own list from the partnership list, else the default', () => {
    expect(keywordsForSession([['peng'], null], ['opps'])).toEqual(['peng', 'opps']);
    const withDefault = keywordsForSession([['peng'], null], null)!;
    expect(withDefault[0]).toBe('peng');
    expect(withDefault).toEqual(expect.arrayContaining([...DEFAULT_SAFEGUARDING_KEYWORDS]));
  });
});

describe('keywordChanges', () => {
  it('names what was added and removed, ignoring case and spacing', () => {
    expect(keywordChanges(['meet up', 'knife', 'secret'], ['Meet  Up', 'secret', 'opps'])).toEqual({ added: ['opps'], removed: ['knife'] });
  });
});
