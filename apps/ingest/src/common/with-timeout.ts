/**
 * Settles like `work`, or rejects with `onTimeout()` once `ms` have passed, whichever comes
 * first. The work itself is not cancelled: an enqueue that times out may still land, which is
 * why everything it writes is idempotent.
 */
export async function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  onTimeout: () => Error = () => new Error(`timed out after ${ms} ms`),
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });

  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
