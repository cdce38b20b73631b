// Outside a Next.js request, `connection()` has no request store to mark dynamic.
import type * as NextServer from 'next/server';
import { vi } from 'vitest';

vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  connection: async () => {},
}));
