'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

/**
 * Signs out through next-auth's own endpoints (CSRF token, then POST /api/auth/signout), as
 * next-auth/react's signOut() does — without shipping that client to every page.
 */
async function signOut(): Promise<void> {
  const response = await fetch('/api/auth/csrf');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  await fetch('/api/auth/signout', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl: '/login', json: 'true' }),
  });
}

export function LogoutButton() {
  const [isPending, setIsPending] = useState(false);
  async function onSignOut() {
    setIsPending(true);
    try {
      await signOut();
    } finally {
      // A full load: no page of the signed-in area may stay on screen.
      window.location.assign(new URL('/login', window.location.origin).href);
    }
  }
  return (
    <Button variant="outline" size="sm" disabled={isPending} onClick={() => void onSignOut()}>
      退出登录
    </Button>
  );
}
