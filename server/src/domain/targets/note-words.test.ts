import { describe, expect, it } from 'vitest';
import { noteBlockedWords } from './note-words.js';

describe('noteBlockedWords', () => {
  it('names what was found and says the note was not saved', () => {
    expect(noteBlockedWords(['phone'])).toBe("For everyone's safety, session notes can't include phone numbers. Your note wasn't saved: take that part out and try again.");
    expect(noteBlockedWords(['phone', 'email', 'link'])).toContain('phone numbers, email addresses or links');
  });
});
