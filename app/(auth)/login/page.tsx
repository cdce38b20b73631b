import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/shell/login-form';
import { getCurrentUser } from '@/lib/auth';

export const metadata: Metadata = { title: '登录' };

export default async function LoginPage() {
  if (await getCurrentUser()) redirect('/');
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-center text-3xl font-bold tracking-widest text-brand">科协每周动态</h1>
        <p className="mb-8 text-center text-sm text-muted-foreground">北京市科协办公室 · 编辑系统</p>
        <LoginForm />
      </div>
    </main>
  );
}
