import { redisConnectionOptions } from './redis-connection';

describe('redisConnectionOptions', () => {
  it('reads host, port, credentials and database from the URL', () => {
    const options = redisConnectionOptions('rediss://user:p%40ss@cache.internal:6380/3');

    expect(options).toMatchObject({
      host: 'cache.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 3,
      tls: {},
      maxRetriesPerRequest: null,
    });
  });

  it('fails fast for producers', () => {
    expect(redisConnectionOptions('redis://127.0.0.1:6379', true)).toMatchObject({
      port: 6379,
      db: 0,
      enableOfflineQueue: false,
    });
  });
});
