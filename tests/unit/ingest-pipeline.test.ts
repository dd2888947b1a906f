/** The ingestion runner (api/lib/ingest/pipeline.ts): step order, halts, and when drops are counted. */
import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import type { DropReason } from '../../api/db/queries/drops.ts';
import type { VisitorIdentifier } from '../../api/lib/ingest/identify.ts';
import { bot, ingestPipeline, knownArticle, privacySignal, rateLimit, visitor, type IngestStep } from '../../api/lib/ingest/pipeline.ts';
import { WriteLimiter } from '../../api/lib/ingest/rate-limit.ts';

const AT = new Date('2026-11-27T10:00:00Z');
const c = {} as Context;

function recorder() {
  const counted: Array<{ day: string; counts: Partial<Record<DropReason, number>> }> = [];
  const written: string[][] = [];
  return {
    counted,
    written,
    countDrops: async (day: string, counts: Partial<Record<DropReason, number>>) => void counted.push({ day, counts }),
    write: async ({ items }: { items: string[] }) => void written.push([...items]),
  };
}

describe('ingestPipeline', () => {
  it('names its steps in order, write last', () => {
    const identifier = {} as VisitorIdentifier;
    const pipeline = ingestPipeline<string, void>({
      steps: [
        privacySignal(identifier),
        bot(identifier),
        visitor(identifier),
        rateLimit(new WriteLimiter({ perVisitor: 1, perAddress: 1 }), identifier),
        knownArticle(() => true),
      ],
      write: async () => undefined,
      countDrops: async () => undefined,
    });
    expect(pipeline.steps).toEqual(['privacySignal', 'bot', 'visitor', 'rateLimit', 'knownArticle', 'write']);
  });

  it('stops at the first step that drops, runs no later step and counts every item with its reason', async () => {
    const ran: string[] = [];
    const step = (name: string, drop?: DropReason): IngestStep<string> => ({
      name,
      run: () => {
        ran.push(name);
        return drop ? { drop } : undefined;
      },
    });
    const r = recorder();
    const pipeline = ingestPipeline({ steps: [step('a'), step('b', 'bot'), step('c')], write: r.write, countDrops: r.countDrops });
    expect(await pipeline.run(c, AT, ['x', 'y'])).toEqual({ recorded: false, reason: 'bot', dropped: 2, retryAfter: undefined });
    expect(ran).toEqual(['a', 'b']);
    expect(r.written).toEqual([]);
    expect(r.counted).toEqual([{ day: '2026-11-27', counts: { bot: 2 } }]);
  });

  it('writes what knownArticle keeps and counts the rest after the write', async () => {
    const r = recorder();
    const pipeline = ingestPipeline({
      steps: [knownArticle((item: string) => item !== 'unknown')],
      write: r.write,
      countDrops: r.countDrops,
    });
    expect(await pipeline.run(c, AT, ['a', 'unknown', 'b'])).toEqual({ recorded: true, result: undefined, accepted: 2, dropped: 1 });
    expect(r.written).toEqual([['a', 'b']]);
    expect(r.counted).toEqual([{ day: '2026-11-27', counts: { 'unknown-article': 1 } }]);
  });

  it('counts no partial drop when the write fails, so a retried batch is not counted twice', async () => {
    const r = recorder();
    const pipeline = ingestPipeline({
      steps: [knownArticle((item: string) => item !== 'unknown')],
      write: async () => {
        throw new Error('unavailable');
      },
      countDrops: r.countDrops,
    });
    await expect(pipeline.run(c, AT, ['a', 'unknown'])).rejects.toThrow('unavailable');
    expect(r.counted).toEqual([]);
  });

  it('gives a rate-limit drop the seconds until the window resets', async () => {
    const r = recorder();
    const limiter = new WriteLimiter({ perVisitor: 2, perAddress: 100 });
    const identifier = { address: () => '198.51.100.1' } as unknown as VisitorIdentifier;
    const pipeline = ingestPipeline<string, void>({
      steps: [{ name: 'visitor', run: (s) => void (s.visitor = 'v1') }, rateLimit(limiter, identifier)],
      write: r.write,
      countDrops: r.countDrops,
    });
    expect((await pipeline.run(c, AT, ['a', 'b'])).recorded).toBe(true);
    expect(await pipeline.run(c, AT, ['c'])).toEqual({ recorded: false, reason: 'rate-limited', dropped: 1, retryAfter: 60 });
  });
});
