import { describe, expect, it } from 'vitest';
import { formatSessionWhen } from './format.js';
import { instant } from './test-fixtures.js';

describe('formatSessionWhen', () => {
  it("names the session's date and time at the school, in its own clock", () => {
    expect(formatSessionWhen(instant('2027-03-09T10:20:00Z'), 'Europe/London', 'Riverside')).toBe('Tue 9 Mar 2027, 10:20 (Riverside time)');
    // British Summer Time: 09:20 UTC is 10:20 in London.
    expect(formatSessionWhen(instant('2027-06-08T09:20:00Z'), 'Europe/London', 'Riverside')).toBe('Tue 8 Jun 2027, 10:20 (Riverside time)');
  });
});
