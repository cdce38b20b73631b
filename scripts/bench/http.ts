// What the benchmarks share when they talk to the running app over HTTP.

/** The p-th percentile of values sorted ascending (NaN for none). */
export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

/**
 * Logs in through next-auth's credentials endpoint, as the login form does, and returns the
 * Cookie header of the session.
 */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, username, password, json: 'true' }),
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (!cookies.some((c) => c?.includes('session-token'))) throw new Error(`login of ${username} failed (${response.status} ${await response.text()})`);
  return [csrfCookie, ...cookies].join('; ');
}
