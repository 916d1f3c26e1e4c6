import { describe, expect, it } from 'vitest';
import { isBusy, worriedClosed, worriedReducer, type WorriedAction, type WorriedState } from './worried-flow';

const run = (...actions: WorriedAction[]): WorriedState => actions.reduce(worriedReducer, worriedClosed);

describe('worriedReducer', () => {
  it('raises on the tap itself, then offers to add words to that same concern', () => {
    expect(run({ type: 'tap' })).toEqual({ step: 'raising' });
    expect(run({ type: 'tap' }, { type: 'raised', concernId: 'c1' })).toEqual({
      step: 'raised',
      concernId: 'c1',
      sendingWords: false,
      wordsSent: false,
      wordsError: null,
    });
  });

  it('says when the report did not get through, and a retry raises again', () => {
    const failed = run({ type: 'tap' }, { type: 'raise-failed', message: "Can't reach Peerbridge." });
    expect(failed).toEqual({ step: 'raise-failed', message: "Can't reach Peerbridge." });
    expect(worriedReducer(failed, { type: 'tap' })).toEqual({ step: 'raising' });
  });

  it('sends their words, and keeps a retry if that fails', () => {
    const sending = run({ type: 'tap' }, { type: 'raised', concernId: 'c1' }, { type: 'send-words' });
    expect(isBusy(sending)).toBe(true);
    expect(worriedReducer(sending, { type: 'words-failed', message: 'No Wi-Fi.' })).toMatchObject({
      step: 'raised',
      sendingWords: false,
      wordsSent: false,
      wordsError: 'No Wi-Fi.',
    });
    expect(worriedReducer(sending, { type: 'words-sent' })).toMatchObject({ wordsSent: true, sendingWords: false });
  });

  it('ignores a second tap while the first report is on its way', () => {
    const raising = run({ type: 'tap' });
    expect(worriedReducer(raising, { type: 'tap' })).toBe(raising);
    expect(isBusy(raising)).toBe(true);
  });

  it('closes from anywhere', () => {
    expect(run({ type: 'tap' }, { type: 'raised', concernId: 'c1' }, { type: 'close' })).toEqual(worriedClosed);
    expect(isBusy(worriedClosed)).toBe(false);
  });
});
