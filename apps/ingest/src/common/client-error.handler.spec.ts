import type { Socket } from 'node:net';

import { answerClientError } from './client-error.handler';

/** Records what the handler writes; a stand-in for the socket of a refused connection. */
function recordingSocket(writable = true) {
  const written: string[] = [];
  let destroyed = false;
  const socket = {
    writable,
    end: (data: string) => written.push(data),
    destroy: () => (destroyed = true),
  } as unknown as Socket;

  return { socket, written, wasDestroyed: () => destroyed };
}

function parse(raw: string) {
  const [head, body] = raw.split('\r\n\r\n');

  return { statusLine: head.split('\r\n')[0], headers: head, body: JSON.parse(body) };
}

describe('answerClientError', () => {
  it.each([
    ['ERR_HTTP_REQUEST_TIMEOUT', 'HTTP/1.1 408 Request Timeout', 'request_timeout'],
    ['HPE_HEADER_OVERFLOW', 'HTTP/1.1 431 Request Header Fields Too Large', 'headers_too_large'],
    ['HPE_INVALID_CONTENT_LENGTH', 'HTTP/1.1 400 Bad Request', 'bad_request'],
  ])('answers %s in the API error shape', (code, statusLine, errorCode) => {
    const { socket, written } = recordingSocket();

    answerClientError(Object.assign(new Error('parse'), { code }), socket);

    const answer = parse(written[0]);

    expect(answer.statusLine).toBe(statusLine);
    expect(answer.headers).toContain('Content-Type: application/json');
    expect(answer.body).toMatchObject({ code: errorCode });
    expect(answer.headers).toContain(
      `Content-Length: ${Buffer.byteLength(JSON.stringify(answer.body))}`,
    );
  });

  it('only closes a socket that can no longer be written', () => {
    const { socket, written, wasDestroyed } = recordingSocket(false);

    answerClientError(new Error('gone'), socket);

    expect(written).toEqual([]);
    expect(wasDestroyed()).toBe(true);
  });
});
