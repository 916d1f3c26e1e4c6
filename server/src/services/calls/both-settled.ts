/** Both settled (so a failure never leaves the other half still running into a closed peer), then the first's value or the first failure. */
export async function bothSettled<T>(first: Promise<T>, second: Promise<unknown>): Promise<T> {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
  return a.value;
}
