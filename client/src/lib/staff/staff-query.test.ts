import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { PeerbridgeError } from '../peerbridge-error';
import { createStaffQueryClient } from './staff-query-client';
import { markAsked, staffQueryFunction } from './staff-query';

const key = ['live'] as const;

/** Runs the query the way a component would: fetch, then refetch, as TanStack Query does. */
async function fetches(polled: boolean, rounds: Array<'auto' | 'asked'>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const seen: boolean[] = [];
  const queryFn = staffQueryFunction(client, key, async ({ background }) => {
    seen.push(background);
    return seen.length;
  }, polled);
  for (const round of rounds) {
    if (round === 'asked') markAsked(key);
    await client.fetchQuery({ queryKey: key, queryFn, staleTime: 0 });
  }
  return seen;
}

describe('staff queries', () => {
  it("send a self-refreshing list's own refreshes as background requests, but not its first load", async () => {
    expect(await fetches(true, ['auto', 'auto', 'auto'])).toEqual([false, true, true]);
  });

  it('send what someone asked for (Refresh, Try again) as their request', async () => {
    expect(await fetches(true, ['auto', 'asked', 'auto'])).toEqual([false, false, true]);
  });

  it('never mark a list that does not refresh itself as background', async () => {
    expect(await fetches(false, ['auto', 'auto'])).toEqual([false, false]);
  });

  it('turn any failure into a PeerbridgeError with words for the screen', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const queryFn = staffQueryFunction(client, key, async () => {
      throw new TypeError('boom');
    }, false);
    await expect(client.fetchQuery({ queryKey: key, queryFn })).rejects.toBeInstanceOf(PeerbridgeError);
  });
});

describe('the staff query client', () => {
  const retry = (client: QueryClient) => client.getDefaultOptions().queries?.retry as (n: number, e: PeerbridgeError) => boolean;

  it('asks again after a network failure, twice at most, and never after a refusal', () => {
    const client = createStaffQueryClient(() => undefined);
    expect(retry(client)(0, PeerbridgeError.network())).toBe(true);
    expect(retry(client)(2, PeerbridgeError.network())).toBe(false);
    for (const code of ['bad_request', 'forbidden', 'not_found', 'step_up_required', 'unauthenticated'] as const) {
      expect(retry(client)(0, new PeerbridgeError(code, 'No.'))).toBe(false);
    }
  });

  it('ends the signed-in view when any list finds the sign-in gone', async () => {
    const signedOut = vi.fn();
    const client = createStaffQueryClient(signedOut);
    const queryFn = staffQueryFunction(client, key, async () => {
      throw new PeerbridgeError('unauthenticated', 'Please sign in again.');
    }, false);
    await client.prefetchQuery({ queryKey: key, queryFn });
    expect(signedOut).toHaveBeenCalledWith('Please sign in again.');
  });
});
