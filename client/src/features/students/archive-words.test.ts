import { describe, expect, it } from 'vitest';
import { schoolTime } from '../../lib/school-time';
import { archivedWords, archiveWarning } from './archive-words';

describe('archive words', () => {
  it('dates an archived student in the school’s own zone', () => {
    // 23:30 UTC on 30 November is already 1 December in Auckland.
    expect(archivedWords({ archivedAt: '2026-11-30T23:30:00Z' }, schoolTime('Pacific/Auckland').date)).toBe('Archived on Tue 1 Dec 2026');
    expect(archivedWords({ archivedAt: null }, schoolTime('Europe/London').date)).toBe('Current');
  });

  it('says what archiving does before it is done', () => {
    expect(archiveWarning('Priya Shah')).toContain("Priya Shah's pairings end");
    expect(archiveWarning('Priya Shah')).toContain('can no longer sign in');
  });
});
