// The web server's first-come-first-served gate (scripts/request-gate.mjs), on fake timers; and
// a real HTTP server behind it, where requests that arrive together finish one after another.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRequestGate, requestGateMs } from '@/scripts/request-gate.mjs';

afterEach(() => {
  vi.useRealTimers();
});

describe('createRequestGate', () => {
  it('lets one request in at a time, the others in order of arrival', async () => {
    vi.useFakeTimers();
    const gate = createRequestGate({ slowMs: 100 });
    const order: string[] = [];
    const done: Record<string, () => void> = {};
    const requests = ['a', 'b', 'c'].map((name) =>
      gate.enter().then((leave) => {
        order.push(name);
        done[name] = leave;
      }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['a']);
    expect(gate.state).toEqual({ working: 1, waiting: 2 });

    done.a!();
    done.a!(); // saying it twice lets in no one extra
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['a', 'b']);
    expect(gate.state).toEqual({ working: 1, waiting: 1 });

    done.b!();
    await Promise.all(requests);
    expect(order).toEqual(['a', 'b', 'c']);
    done.c!();
    expect(gate.state).toEqual({ working: 0, waiting: 0 });
  });

  it('lets background requests (prefetches) in only when no other request waits', async () => {
    vi.useFakeTimers();
    const gate = createRequestGate({ slowMs: 100 });
    const order: string[] = [];
    const leave: Record<string, () => void> = {};
    const enter = (name: string, isBackground = false) =>
      void gate.enter({ isBackground }).then((done) => {
        order.push(name);
        leave[name] = done;
      });
    enter('page');
    enter('prefetch 1', true);
    enter('prefetch 2', true);
    enter('click');
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['page']);
    for (const name of ['page', 'click', 'prefetch 1']) {
      leave[name]!();
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(order).toEqual(['page', 'click', 'prefetch 1', 'prefetch 2']);
    leave['prefetch 2']!();
    expect(gate.state).toEqual({ working: 0, waiting: 0 });
  });

  it('lets the next one in beside a request that takes longer than slowMs', async () => {
    vi.useFakeTimers();
    const gate = createRequestGate({ slowMs: 100 });
    const entered: number[] = [];
    const slow = await gate.enter();
    void gate.enter().then(() => entered.push(Date.now()));
    const start = Date.now();
    await vi.advanceTimersByTimeAsync(99);
    expect(entered).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(entered).toEqual([start + 100]);
    // The slow one finishing later does not let in a third one twice.
    slow();
    expect(gate.state).toEqual({ working: 1, waiting: 0 });
  });
});

describe('requestGateMs', () => {
  it('takes REQUEST_GATE_MS when it is a whole number of at least zero, else 200', () => {
    expect(requestGateMs({})).toBe(200);
    expect(requestGateMs({ REQUEST_GATE_MS: '250' })).toBe(250);
    expect(requestGateMs({ REQUEST_GATE_MS: '0' })).toBe(0);
    for (const value of ['', ' ', '-1', '1.5', 'off']) expect(requestGateMs({ REQUEST_GATE_MS: value })).toBe(200);
  });
});

describe('a server behind the gate', () => {
  it('answers requests that arrive together one after another instead of all at the end', async () => {
    const gate = createRequestGate({ slowMs: 10_000 });
    const finished: number[] = [];
    const answer = async (res: ServerResponse) => {
      const leave = await gate.enter();
      res.once('finish', leave);
      // 40 ms of work that awaits in between, like a page waiting for its queries.
      for (let i = 0; i < 4; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      res.end('ok');
    };
    const server = createServer((_req, res) => void answer(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const start = performance.now();
      await Promise.all(
        Array.from({ length: 4 }, () =>
          fetch(`http://127.0.0.1:${port}/`).then(async (r) => {
            await r.text();
            finished.push(performance.now() - start);
          }),
        ),
      );
    } finally {
      server.close();
    }
    // Without the gate all four would finish after ~40 ms together; with it, ~40, 80, 120, 160.
    finished.sort((a, b) => a - b);
    for (let i = 1; i < 4; i++) expect(finished[i]! - finished[i - 1]!).toBeGreaterThanOrEqual(30);
  });
});
