// A PostgreSQL that is starting up (after a crash or a restart of an external server) answers
// every connection with "57P03 the database system is starting up"; Prisma 7 wraps that as
// P2039. It must reach the user as the Chinese 503, like any other absent database.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toActionError } from '@/lib/action';
import { createPrismaClient } from '@/lib/db';
import { ERROR_CODES, isDatabaseUnavailable } from '@/lib/errors';

/** A server speaking just enough of the PostgreSQL protocol to refuse every start-up with 57P03. */
function startingUpServer(): Promise<{ server: Server; port: number }> {
  const fields = ['SFATAL', 'VFATAL', 'C57P03', 'Mthe database system is starting up'];
  const payload = Buffer.concat([...fields.map((f) => Buffer.from(f + '\0')), Buffer.from('\0')]);
  const error = Buffer.alloc(5);
  error.write('E');
  error.writeInt32BE(payload.length + 4, 1);
  const server = createServer((socket) => {
    socket.once('data', (chunk) => {
      // An SSLRequest (8 bytes, code 80877103) is declined with 'N'; the start-up gets the error.
      if (chunk.length === 8 && chunk.readInt32BE(4) === 80877103) {
        socket.write('N');
        socket.once('data', () => socket.end(Buffer.concat([error, payload])));
      } else {
        socket.end(Buffer.concat([error, payload]));
      }
    });
    socket.on('error', () => {});
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}

let fake: { server: Server; port: number };
beforeAll(async () => {
  fake = await startingUpServer();
});
afterAll(() => new Promise<void>((resolve) => fake.server.close(() => resolve())));

describe('a database that is starting up', () => {
  it('is reported as unavailable (Chinese 503), not as an internal error', async () => {
    const prisma = createPrismaClient(`postgresql://kexie:x@127.0.0.1:${fake.port}/kexie?sslmode=disable`);
    const error = await prisma.user.findFirst().then(
      () => null,
      (e: unknown) => e,
    );
    await prisma.$disconnect();
    expect(error).not.toBeNull();
    expect(String((error as Error).message)).toMatch(/57P03|starting up/);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(toActionError(error)).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE', message: ERROR_CODES.DATABASE_UNAVAILABLE.message });
  });
});
