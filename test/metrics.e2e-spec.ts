import { trackMessage } from './support/samples';
import {
  ADMIN_TOKEN,
  createApp,
  CreatedApp,
  eventually,
  Stack,
  startStack,
  writeKeyAuth,
} from './support/stack';

describe('Prometheus metrics', () => {
  let stack: Stack;
  let app: CreatedApp;

  beforeAll(async () => {
    stack = await startStack();
    app = await createApp(stack, { name: 'metrics' });
  });

  afterAll(() => stack.close());

  const scrape = async () => {
    const response = await stack
      .http()
      .get('/metrics')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);

    expect(response.headers['content-type']).toContain('text/plain');

    return response.text;
  };

  /** The value of one sample line, e.g. `sbi_queue_jobs{state="failed"}`. */
  function valueOf(text: string, sample: string): number | undefined {
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${sample} `));

    return line === undefined ? undefined : Number(line.slice(sample.length + 1));
  }

  it('counts accepted and rejected messages by reason', async () => {
    const good = [trackMessage(), trackMessage()];

    await stack
      .http()
      .post('/v1/batch')
      .set('Authorization', writeKeyAuth(app))
      .send({ batch: [...good, trackMessage({ event: '' })] })
      .expect(200);

    const text = await scrape();

    expect(valueOf(text, 'sbi_intake_messages_total{outcome="accepted",reason=""}')).toBe(2);
    expect(
      valueOf(text, 'sbi_intake_messages_total{outcome="rejected",reason="invalid_message"}'),
    ).toBe(1);
  });

  it('reports the queue by state, with no dead letters once the worker is done', async () => {
    await eventually(async () => {
      const text = await scrape();

      expect(valueOf(text, 'sbi_queue_jobs{state="waiting"}')).toBe(0);
      expect(valueOf(text, 'sbi_queue_jobs{state="failed"}')).toBe(0);
      expect(valueOf(text, 'sbi_queue_jobs{state="completed"}')).toBeGreaterThanOrEqual(3);
    });
  });

  it('serves process metrics too', async () => {
    expect(valueOf(await scrape(), 'sbi_ingest_process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('is for the operator only', async () => {
    await stack.http().get('/metrics').expect(401);
    await stack.http().get('/metrics').set('Authorization', `Bearer ${app.adminKey}`).expect(403);
  });
});
