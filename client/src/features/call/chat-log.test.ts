import { describe, expect, it } from 'vitest';
import { composerReducer, emptyComposer } from './chat-composer';
import { sendableText, unreadCount, type ChatEntry } from './chat-log';

const entry = (id: string, from: ChatEntry['from']): ChatEntry => ({ id, from, firstName: 'Sam', text: 'hi', at: '2026-01-01T09:00:00Z' });

describe('unreadCount', () => {
  it("counts only the partner's messages after the ones seen", () => {
    const entries = [entry('1', 'partner'), entry('2', 'self'), entry('3', 'partner'), entry('4', 'partner')];
    expect(unreadCount(entries, 0)).toBe(3);
    expect(unreadCount(entries, 2)).toBe(2);
    expect(unreadCount(entries, 4)).toBe(0);
    expect(unreadCount([entry('1', 'self')], 0)).toBe(0);
  });
});

describe('sendableText', () => {
  it('trims, and refuses empty or over-long messages', () => {
    expect(sendableText('  hello ')).toBe('hello');
    expect(sendableText('   ')).toBeNull();
    expect(sendableText('x'.repeat(500))).toHaveLength(500);
    expect(sendableText('x'.repeat(501))).toBeNull();
  });
});

describe('composerReducer', () => {
  it('clears the box once a message is delivered', () => {
    let state = composerReducer(emptyComposer, { type: 'edit', text: 'see you' });
    state = composerReducer(state, { type: 'send' });
    expect(state.sending).toBe(true);
    expect(composerReducer(state, { type: 'delivered' })).toEqual(emptyComposer);
  });

  it("keeps a blocked message's text and shows the server's explanation until one goes through", () => {
    let state = composerReducer(emptyComposer, { type: 'edit', text: 'my number is 07700 900123' });
    state = composerReducer(composerReducer(state, { type: 'send' }), {
      type: 'blocked',
      explanation: 'Phone numbers are not shared here.',
    });
    expect(state).toMatchObject({ text: 'my number is 07700 900123', sending: false, blocked: 'Phone numbers are not shared here.' });
    state = composerReducer(state, { type: 'edit', text: 'my number is' });
    expect(state.blocked).toBe('Phone numbers are not shared here.');
    expect(composerReducer(state, { type: 'delivered' }).blocked).toBeNull();
  });

  it('has kind words of its own when the server gives none', () => {
    const state = composerReducer(emptyComposer, { type: 'blocked', explanation: undefined });
    expect(state.blocked).toMatch(/wasn't sent/);
  });

  it('keeps the text when the message could not be sent at all', () => {
    let state = composerReducer(emptyComposer, { type: 'edit', text: 'hello' });
    state = composerReducer(composerReducer(state, { type: 'send' }), { type: 'failed', message: 'No Wi-Fi.' });
    expect(state).toMatchObject({ text: 'hello', sending: false, error: 'No Wi-Fi.' });
  });
});
