import { describe, expect, it } from 'vitest';
import { moderateChatMessage } from './chat-filter.js';
import { DEFAULT_SAFEGUARDING_KEYWORDS } from './default-keywords.js';

const flagged = (text: string) => moderateChatMessage(text, DEFAULT_SAFEGUARDING_KEYWORDS).matchedKeywords;

describe('the default list catches how teenagers actually write it', () => {
  it.each([
    ['self-harm, abbreviated', 'honestly i just want to kms', 'kms'],
    ['second person', 'you should kill yourself', 'kill yourself'],
    ['second person, abbreviated', 'lol kys', 'kys'],
    ['the euphemism', 'sometimes i think about unaliving myself', 'unaliving'],
    ['not wanting to be here', "i don't want to be here anymore", "don't want to be here"],
    ['nobody would miss me', 'nobody would miss me tbh', 'nobody would miss me'],
    ['disappearing', 'i just want to disappear', 'want to disappear'],
    ['secrecy', 'keep this between us ok', 'keep this between us'],
    ['secrecy from home', "don't tell your mum we talked", "don't tell your mum"],
    ['deleting the chat', 'delete this chat after', 'delete this chat'],
    ['moving to another app', 'whats your snap', 'your snap'],
    ['moving to another app', 'add me', 'add me'],
    ['meeting up', 'we should meet irl', 'meet irl'],
    ['where they live', 'where do you live?', 'where do you live'],
    ['being alone', 'are you home alone tonight', 'home alone'],
    ['gifts', "i'll buy you some robux", 'robux'],
    ['money', 'i can send you money', 'send you money'],
    ['gift cards', 'want a gift card?', 'gift card'],
    ['pictures', 'send me a pic', 'send me a pic'],
  ])('%s: "%s"', (_label, text, keyword) => {
    expect(flagged(text)).toContain(keyword);
  });

  it.each([
    'Shall we look at your English essay plan?',
    'My target this week is to revise two topics every night',
    'I found the maths mock really hard but I passed',
    'See you next Tuesday, same time',
    'What did your teacher say about the coursework?',
    'I am going to the library after school to revise',
  ])('leaves ordinary mentoring chat alone: "%s"', (text) => {
    expect(flagged(text)).toEqual([]);
  });

  it('has no repeats and nothing too short to be a phrase', () => {
    const keys = DEFAULT_SAFEGUARDING_KEYWORDS.map((k) => k.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
    for (const keyword of DEFAULT_SAFEGUARDING_KEYWORDS) expect(keyword.trim().length).toBeGreaterThanOrEqual(2);
  });
});
