// Replaces only next-auth's cookie decoding: the session lookup that follows (user row,
// disabled flag, session version, roles) runs for real against the test database.
// Import this before the modules under test (they are imported dynamically in the tests).
import type * as NextAuth from 'next-auth';
import { vi } from 'vitest';

type FakeSession = { uid: number; sv: number; sid: string } | null;
const holder = globalThis as { __testSession?: FakeSession };

vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof NextAuth>()),
  getServerSession: vi.fn(async () => (globalThis as { __testSession?: FakeSession }).__testSession ?? null),
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

export function loginAs(user: { id: number; sessionVersion: number } | null) {
  holder.__testSession = user && { uid: user.id, sv: user.sessionVersion, sid: `test-${user.id}` };
}
