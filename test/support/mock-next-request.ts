// Outside a Next.js request, `connection()` has no request store to mark dynamic.
import { vi } from 'vitest';

vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  connection: async () => {},
}));
