import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  it('settles as the work does when it is in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000)).resolves.toBe(7);
    await expect(withTimeout(Promise.reject(new Error('no')), 1000)).rejects.toThrow('no');
  });

  it('rejects with the given error when the work is late', async () => {
    const never = new Promise<number>(() => undefined);

    await expect(withTimeout(never, 20, () => new Error('late'))).rejects.toThrow('late');
  });
});
