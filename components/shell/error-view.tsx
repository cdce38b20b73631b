'use client';
import Link from 'next/link';
import { Button } from '@/components/ui/button';

/**
 * What an error boundary shows, in Chinese. In production the browser only gets the error's
 * digest (never its message), which is shown so that it can be found in the server log.
 */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">页面暂时无法显示</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        系统处理这个请求时出错了，可能是网络或数据库暂时中断。您已保存的内容不会丢失，请稍后重试。
      </p>
      {error.digest && <p className="mt-2 text-xs text-muted-foreground">错误编号：{error.digest}</p>}
      <div className="mt-6 flex justify-center gap-3">
        <Button type="button" onClick={reset}>
          重试
        </Button>
        <Button asChild variant="outline">
          <Link href="/">返回首页</Link>
        </Button>
      </div>
    </div>
  );
}
