import Link from 'next/link';

/** The 404 text: in the signed-in shell's main (app/(app)/not-found.tsx) or on its own page. */
export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">页面不存在</h1>
      <p className="mt-2 text-sm text-muted-foreground">您访问的页面不存在，或您没有查看它的权限。</p>
      <Link href="/" className="mt-6 inline-block text-sm text-brand underline">
        返回首页
      </Link>
    </div>
  );
}
