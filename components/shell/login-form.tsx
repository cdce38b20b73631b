'use client';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { getLoginFailureMessage, ZLogin } from '@/lib/validations/auth';

export function LoginForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZLogin.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '请输入用户名和密码');
      return;
    }
    setIsPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', { ...parsed.data, redirect: false });
      if (!result || result.error) {
        setError(getLoginFailureMessage(result?.error));
        return;
      }
      router.replace('/');
      router.refresh();
    } catch {
      setError('无法连接服务器，请检查网络后重试。');
    } finally {
      setIsPending(false);
    }
  }

  return (
    <Card>
      <CardContent className="py-6">
        <form onSubmit={(event) => void onSubmit(event)} className="space-y-4" noValidate>
          <div className="space-y-1.5">
            <Label htmlFor="username">用户名</Label>
            <Input id="username" name="username" autoComplete="username" autoFocus required />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="password">密码</Label>
            <Input id="password" name="password" type="password" autoComplete="current-password" required />
          </div>
          {error && (
            <p role="alert" data-testid="login-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-danger">
              {error}
            </p>
          )}
          <Button type="submit" className="w-full" disabled={isPending}>
            {isPending ? '正在登录…' : '登录'}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
