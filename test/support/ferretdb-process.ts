import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Built by scripts/services.sh, which `npm test` runs before the suites. */
const BINARY = path.resolve(__dirname, '../../.local/bin/ferretdb');

/**
 * A private FerretDB server for tests that must make MongoDB fail for real: it can be killed
 * (SIGKILL, as in a crash) and started again on the same port and data directory.
 */
export class FerretDbProcess {
  private child?: ChildProcess;
  private readonly dataDir = mkdtempSync(path.join(tmpdir(), 'sbi-ferretdb-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<FerretDbProcess> {
    if (!existsSync(BINARY)) {
      throw new Error(`${BINARY} is missing: run scripts/services.sh start (npm test does)`);
    }

    const server = new FerretDbProcess(await freeLoopbackPort());

    await server.restart();

    return server;
  }

  uri(database: string): string {
    return `mongodb://127.0.0.1:${this.port}/${database}`;
  }

  async restart(): Promise<void> {
    this.child = spawn(
      BINARY,
      ['-listen', `127.0.0.1:${this.port}`, '-data', this.dataDir, '-log-level', 'error'],
      { stdio: 'ignore' },
    );
    await waitUntilListening(this.port);
  }

  async kill(): Promise<void> {
    const child = this.child;

    if (!child || child.exitCode !== null) return;

    const exited = new Promise((resolve) => child.once('exit', resolve));

    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();

    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();

      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilListening(port: number, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;

  while (Date.now() < deadline) {
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  throw new Error(`FerretDB did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();

    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}
