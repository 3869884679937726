import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

import { decodeFieldNames } from '@sbi/storage';

import {
  ADMIN_TOKEN,
  createApp,
  CreatedApp,
  eventually,
  Stack,
  startStack,
  writeKeyAuth,
} from './support/stack';
import { trackMessage } from './support/samples';

describe('Segment intake (ingest + worker, real Redis and MongoDB)', () => {
  let stack: Stack;
  let app: CreatedApp;

  beforeAll(async () => {
    stack = await startStack();
    app = await createApp(stack, { name: 'intake', webhookSigningSecret: 'whsec-e2e-shared' });
  });

  afterAll(() => stack.close());

  const events = () => stack.db.collection('events');
  const rejections = () => stack.db.collection('rejected_messages');

  describe('authentication', () => {
    it('answers every credential failure with the same 401, naming no wrong part', async () => {
      const basic = (user: string, password: string) =>
        `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
      const failures = [
        undefined,
        'Bearer whatever',
        basic('secret_live_nope', ''),
        basic(app.branchKey, 'secret_live_wrong'),
        basic(app.branchKey, ''),
        basic('', app.branchSecret),
      ];
      const answers = [];

      for (const header of failures) {
        const call = stack.http().post('/v1/track').send(trackMessage());

        answers.push(await (header ? call.set('Authorization', header) : call).expect(401));
      }

      const bodies = answers.map((answer) => answer.body);

      expect(bodies[0]).toMatchObject({ statusCode: 401, code: 'unauthorized' });
      expect(bodies[0].message).toContain('HTTP Basic');
      expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
      expect(answers.every((a) => a.headers['www-authenticate'] === 'Basic realm="segment"')).toBe(
        true,
      );
    });

    it('accepts Branch key and secret as Basic user and password', async () => {
      const message = trackMessage();

      await stack
        .http()
        .post('/v1/track')
        .auth(app.branchKey, app.branchSecret)
        .send(message)
        .expect(200, { success: true });
      await eventually(async () => {
        expect(await events().countDocuments({ messageId: message.messageId })).toBe(1);
      });
    });

    it('refuses ingest credentials on admin routes', async () => {
      await stack
        .http()
        .post('/admin/apps')
        .set('Authorization', writeKeyAuth(app))
        .send({ name: 'x' })
        .expect(401);
    });
  });

  describe('validation', () => {
    const tooLargeBatch = JSON.stringify({
      batch: Array.from({ length: 20 }, () =>
        trackMessage({ properties: { blob: 'y'.repeat(30 * 1024) } }),
      ),
    });

    it.each([
      ['a malformed body', '/v1/track', 'application/json', '{"type": "track",', 'invalid_json'],
      ['a body over 500 KB', '/v1/batch', 'application/json', tooLargeBatch, 'request_too_large'],
      [
        'a body far over the limit',
        '/v1/batch',
        'application/json',
        `{"batch":["${'z'.repeat(3 * 1024 * 1024)}"]}`,
        'request_too_large',
      ],
      [
        'a body that is not JSON',
        '/v1/track',
        'application/x-www-form-urlencoded',
        'type=track',
        'unsupported_media_type',
      ],
      [
        'a body with no batch array',
        '/v1/batch',
        'application/json',
        '{"messages":[]}',
        'invalid_batch',
      ],
    ])('answers 400 for %s', async (_case, route, contentType, body, code) => {
      const response = await stack
        .http()
        .post(route)
        .set('Authorization', writeKeyAuth(app))
        .set('Content-Type', contentType)
        .send(body)
        .expect(400);

      expect(response.body.code).toBe(code);
    });

    it.each([
      ['a track without event', { event: undefined }, 'event is required for a track message'],
      ['no user at all', { userId: undefined, anonymousId: undefined }, 'userId or anonymousId'],
      ['properties that are a string', { properties: 'x' }, 'properties must be object,null'],
    ])('answers 400 invalid_message for %s', async (_case, overrides, detail) => {
      const response = await stack
        .http()
        .post('/v1/track')
        .set('Authorization', writeKeyAuth(app))
        .send({ ...trackMessage(), ...overrides })
        .expect(400);

      expect(response.body.code).toBe('invalid_message');
      expect(response.body.message).toContain(detail);
    });

    it('answers 400 message_too_large over 32 KB and records the rejection', async () => {
      const message = trackMessage({ properties: { blob: 'x'.repeat(33 * 1024) } });
      const response = await stack
        .http()
        .post('/v1/track')
        .set('Authorization', writeKeyAuth(app))
        .send(message)
        .expect(400);

      expect(response.body).toMatchObject({
        code: 'message_too_large',
        messageId: message.messageId,
      });
      await eventually(async () => {
        expect(await rejections().findOne({ messageId: message.messageId })).toMatchObject({
          appId: app.id,
          reason: 'message_too_large',
        });
      });
    });

    it('keeps the good messages of a batch and reports the bad one', async () => {
      const good = trackMessage();
      const bad = trackMessage({ event: '' });
      const response = await stack
        .http()
        .post('/v1/batch')
        .set('Authorization', writeKeyAuth(app))
        .send({ batch: [good, bad] })
        .expect(200);

      expect(response.body).toEqual({
        success: true,
        accepted: 1,
        rejected: [
          {
            index: 1,
            messageId: bad.messageId,
            reason: 'invalid_message',
            detail: 'event is required for a track message',
          },
        ],
      });
      await eventually(async () => {
        expect(await events().countDocuments({ messageId: good.messageId })).toBe(1);
        expect(await rejections().findOne({ messageId: bad.messageId })).toMatchObject({
          index: 1,
          reason: 'invalid_message',
        });
      });
    });
  });

  describe('webhook destination', () => {
    const sign = (body: string, secret = 'whsec-e2e-shared') =>
      createHmac('sha1', secret).update(body).digest('hex');

    it('accepts a message signed over the raw bytes, spacing included', async () => {
      const message = trackMessage({ receivedAt: '2026-11-30T09:00:01.000Z' });
      const raw = JSON.stringify(message, null, 3);

      await stack
        .http()
        .post('/v1/webhooks/segment')
        .set('Authorization', writeKeyAuth(app))
        .set('Content-Type', 'application/json')
        .set('X-Signature', sign(raw))
        .send(raw)
        .expect(200);
      await eventually(async () => {
        expect(await events().countDocuments({ messageId: message.messageId })).toBe(1);
      });
    });

    it('accepts a JSON array when the destination batches', async () => {
      const messages = [trackMessage(), trackMessage()];
      const raw = JSON.stringify(messages);
      const response = await stack
        .http()
        .post('/v1/webhooks/segment')
        .set('Authorization', writeKeyAuth(app))
        .set('Content-Type', 'application/json')
        .set('X-Signature', sign(raw))
        .send(raw)
        .expect(200);

      expect(response.body).toMatchObject({ accepted: 2, rejected: [] });
    });

    it.each([
      ['a missing signature', undefined],
      ['a wrong signature', sign('{}')],
      ['a signature with another secret', 'WRONG'],
    ])('answers 401 for %s, exactly as for wrong credentials', async (_case, signature) => {
      const raw = JSON.stringify(trackMessage());
      const call = stack
        .http()
        .post('/v1/webhooks/segment')
        .set('Authorization', writeKeyAuth(app))
        .set('Content-Type', 'application/json');
      const refused = await (signature ? call.set('X-Signature', signature) : call)
        .send(raw)
        .expect(401);
      const noCredentials = await stack
        .http()
        .post('/v1/webhooks/segment')
        .set('Content-Type', 'application/json')
        .send(raw)
        .expect(401);

      expect(refused.body).toEqual(noCredentials.body);
    });
  });

  it('acknowledges unknown message types and records them as skipped', async () => {
    const message = { type: 'delete', messageId: `del-${Date.now()}`, userId: 'u-1' };

    await stack
      .http()
      .post('/v1/batch')
      .set('Authorization', writeKeyAuth(app))
      .send({ batch: [message] })
      .expect(200);
    await eventually(async () => {
      expect(
        await stack.db.collection('skipped_messages').findOne({ messageId: message.messageId }),
      ).toMatchObject({ type: 'delete', reason: 'not_a_track_event' });
    });
  });

  it('corrects the timestamp of a library message from sentAt, as Segment does', async () => {
    const message = trackMessage({
      timestamp: undefined,
      originalTimestamp: '2026-11-30T08:59:00.000Z',
      sentAt: '2026-11-30T09:00:00.000Z',
    });
    const before = Date.now();

    await stack
      .http()
      .post('/v1/track')
      .set('Authorization', writeKeyAuth(app))
      .send(message)
      .expect(200);

    const stored = await eventually(async () => {
      const doc = await events().findOne({ messageId: message.messageId });

      expect(doc).not.toBeNull();

      return doc!;
    });
    const skewMs = stored.receivedAt.getTime() - stored.timestamp.getTime();

    expect(stored.receivedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(skewMs).toBe(60_000);
  });

  describe('hostile input', () => {
    const post = (body: object) =>
      stack.http().post('/v1/batch').set('Authorization', writeKeyAuth(app)).send(body);

    it('refuses a deeply nested message alone and keeps the rest of the batch', async () => {
      const good = trackMessage();
      const deep = trackMessage({ properties: { x: '@' } });
      // Written as text: JSON.stringify itself gives up on values this deep.
      const body = JSON.stringify({ batch: [good, deep] }).replace(
        '"@"',
        `${'['.repeat(5000)}${']'.repeat(5000)}`,
      );
      const response = await stack
        .http()
        .post('/v1/batch')
        .set('Authorization', writeKeyAuth(app))
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(200);

      expect(response.body).toMatchObject({
        accepted: 1,
        rejected: [{ index: 1, reason: 'invalid_message', messageId: deep.messageId }],
      });
      expect(response.body.rejected[0].detail).toContain('nested deeper than 64 levels');
      await eventually(async () => {
        expect(await events().countDocuments({ messageId: good.messageId })).toBe(1);
      });
    });

    it('keeps a batch whose sentAt is at the edge of the calendar', async () => {
      const message = trackMessage({ timestamp: '2026-12-01T00:00:00.000Z' });

      await post({ sentAt: '-271821-04-20T00:00:00Z', batch: [message] }).expect(200);
      await eventually(async () => {
        expect(await events().findOne({ messageId: message.messageId })).toMatchObject({
          timestamp: new Date('2026-12-01T00:00:00.000Z'),
        });
      });
    });

    it('checks each message with the batch context merged in, so the 32 KB limit holds', async () => {
      const message = trackMessage();
      const response = await post({
        context: { padding: 'p'.repeat(33 * 1024) },
        batch: [message],
      }).expect(400);

      expect(response.body.rejected[0]).toMatchObject({ reason: 'message_too_large' });
    });

    it.each([
      ['a blank messageId', { messageId: '  ' }],
      ['an upper-case TRACK without event', { type: 'TRACK', event: undefined }],
    ])('answers 400 for %s', async (_case, overrides) => {
      const response = await post({ batch: [{ ...trackMessage(), ...overrides }] }).expect(400);

      expect(response.body.rejected[0].reason).toBe('invalid_message');
    });

    it('takes a gzip-compressed batch, as Segment libraries may send', async () => {
      const message = trackMessage();

      const answer = await postBytes(
        stack.baseUrl,
        '/v1/batch',
        gzipSync(JSON.stringify({ batch: [message] })),
        {
          Authorization: writeKeyAuth(app),
          'Content-Encoding': 'gzip',
        },
      );

      expect(answer).toEqual({ status: 200, body: { success: true, accepted: 1, rejected: [] } });
      await eventually(async () => {
        expect(await events().countDocuments({ messageId: message.messageId })).toBe(1);
      });
    });

    it.each([
      ['corrupt gzip', 'gzip', Buffer.from('not gzip at all'), 'invalid_json'],
      ['an unknown encoding', 'br', Buffer.from('{}'), 'unsupported_media_type'],
    ])('answers 400 for %s', async (_case, encoding, body, code) => {
      const answer = await postBytes(stack.baseUrl, '/v1/batch', body, {
        Authorization: writeKeyAuth(app),
        'Content-Encoding': encoding,
      });

      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe(code);
    });

    it('ignores a UTF-8 byte-order mark before the JSON', async () => {
      const body = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(JSON.stringify({ batch: [trackMessage()] })),
      ]);

      const answer = await postBytes(stack.baseUrl, '/v1/batch', body, {
        Authorization: writeKeyAuth(app),
      });

      expect(answer).toMatchObject({ status: 200, body: { accepted: 1 } });
    });

    it('stores property names MongoDB or mongoose would refuse or drop', async () => {
      const message = trackMessage({
        event: 'Custom Thing',
        properties: JSON.parse('{"__proto__":"p","a.b":"dot","$x":"dollar"}'),
      });

      await post({ batch: [message] }).expect(200);

      const stored = await eventually(async () => {
        const doc = await events().findOne({ messageId: message.messageId });

        expect(doc).not.toBeNull();

        return doc!;
      });

      // Parsed, because `__proto__` in an object literal would set the prototype instead.
      expect(decodeFieldNames(stored.custom_data)).toEqual(
        JSON.parse('{"__proto__":"p","a.b":"dot","$x":"dollar","anonymousId":"anon-e2e"}'),
      );
    });

    it('tells the sender of every rejection but stores at most 100 per request', async () => {
      const tag = `flood-${Date.now()}`;
      const batch = Array.from({ length: 150 }, (_, i) => ({
        type: 'track',
        messageId: `${tag}-${i}`,
      }));
      const response = await post({ batch }).expect(400);

      expect(response.body.rejected).toHaveLength(150);
      await eventually(async () => {
        expect(await rejections().countDocuments({ messageId: { $regex: `^${tag}-` } })).toBe(100);
      });
    });

    it('records a resent refusal once', async () => {
      const bad = trackMessage({ event: '' });

      await post({ batch: [bad] }).expect(400);
      await post({ batch: [bad] }).expect(400);
      await eventually(async () => {
        expect(await rejections().countDocuments({ messageId: bad.messageId })).toBe(1);
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await rejections().countDocuments({ messageId: bad.messageId })).toBe(1);
    });

    it.each([
      [
        'an empty Content-Type',
        'Content-Type: \r\nContent-Length: 2\r\n\r\n{}',
        400,
        'unsupported_media_type',
      ],
      [
        'a negative Content-Length',
        'Content-Type: application/json\r\nContent-Length: -5\r\n\r\n',
        400,
        'bad_request',
      ],
    ])('answers %s with a JSON reason', async (_case, rest, status, code) => {
      const answer = await rawRequest(
        stack.baseUrl,
        `POST /v1/track HTTP/1.1\r\nHost: x\r\nAuthorization: ${writeKeyAuth(app)}\r\n${rest}`,
      );

      expect(answer.status).toBe(status);
      expect(JSON.parse(answer.body)).toMatchObject({ statusCode: status, code });
    });
  });
});

describe('Segment intake when Redis is unreachable', () => {
  let stack: Stack;
  let app: CreatedApp;

  beforeAll(async () => {
    // Port 1 on loopback: nothing listens, so every connection is refused at once.
    stack = await startStack({
      withWorker: false,
      env: { REDIS_URL: 'redis://127.0.0.1:1', ENQUEUE_TIMEOUT_MS: '1000' },
    });
    app = await createApp(stack);
  });

  afterAll(() => stack.close());

  it('answers 503 quickly so senders retry, never 2xx', async () => {
    const started = Date.now();
    const response = await stack
      .http()
      .post('/v1/batch')
      .set('Authorization', writeKeyAuth(app))
      .send({ batch: [trackMessage()] })
      .expect(503);

    expect(Date.now() - started).toBeLessThan(3000);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body.code).toBe('queue_unavailable');
  });

  it.each(['failed', 'status'])(
    'answers 503 on the admin %s view, which reads Redis, instead of hanging',
    async (view) => {
      const started = Date.now();
      const response = await stack
        .http()
        .get(`/admin/apps/${app.id}/${view}`)
        .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
        .expect(503);

      expect(response.body.code).toBe('queue_unavailable');
      expect(Date.now() - started).toBeLessThan(3000);
    },
  );

  it('reports itself not ready', async () => {
    const response = await stack.http().get('/health/ready').expect(503);

    expect(response.body.details.redis.status).toBe('down');
  });
});

/** Sends bytes as they are, for requests no HTTP client library would produce. */
function rawRequest(baseUrl: string, request: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);

  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let received = '';

    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...body] = received.split('\r\n\r\n');

      resolve({ status: Number(head.split(' ')[1]), body: body.join('\r\n\r\n') });
    });
    socket.connect(Number(port), hostname, () => socket.end(request));
  });
}

/** POSTs bytes as JSON without re-encoding them (supertest would serialise a Buffer). */
function postBytes(
  baseUrl: string,
  path: string,
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      new URL(path, baseUrl),
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': body.length, ...headers },
      },
      (response) => {
        let text = '';

        response.on('data', (chunk) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }),
        );
      },
    );

    request.on('error', reject);
    request.end(body);
  });
}
