import { describe, expect, it } from 'vitest';
import { endDetail, endReasonForError, endTitle, isInCall, isJoined } from './call-state';

describe('call phases', () => {
  it('separates pre-join phases from in-call phases', () => {
    expect(isInCall('idle')).toBe(false);
    expect(isInCall('joining')).toBe(false);
    expect(isInCall('waiting')).toBe(true);
    expect(isInCall('reconnecting')).toBe(true);
    expect(isInCall('ended')).toBe(true);
  });

  it('treats only live phases as joined', () => {
    expect(isJoined('connected')).toBe(true);
    expect(isJoined('partner-left')).toBe(true);
    expect(isJoined('reconnecting')).toBe(false);
    expect(isJoined('ended')).toBe(false);
  });
});

describe('end screen wording', () => {
  it('uses the agreed titles for the server reasons', () => {
    expect(endTitle('time_up')).toBe('This session has finished');
    expect(endTitle('replaced')).toBe('You joined from another iPad');
    expect(endTitle('server_shutdown')).toBe('Peerbridge is restarting; try again in a minute');
  });

  it('explains a lost connection with the message it was given', () => {
    expect(endDetail({ reason: 'connection_lost', message: 'This session was cancelled.' })).toBe(
      'This session was cancelled.',
    );
    expect(endDetail({ reason: 'media_lost', message: '' })).toMatch(/Wi-Fi/);
  });

  it('maps rejoin failures onto end reasons', () => {
    expect(endReasonForError('session_over')).toBe('time_up');
    expect(endReasonForError('shutting_down')).toBe('server_shutdown');
    expect(endReasonForError('timeout')).toBe('connection_lost');
    expect(endReasonForError('session_ended_by_staff')).toBe('ended_by_staff');
  });

  it('closes a session staff ended kindly, with no reason and no blame', () => {
    expect(endTitle('ended_by_staff')).toBe('A member of staff has ended this session');
    const detail = endDetail({ reason: 'ended_by_staff', message: 'Safeguarding concern' });
    expect(detail).toMatch(/haven't done anything wrong/);
    expect(detail).not.toMatch(/Safeguarding/);
  });
});
