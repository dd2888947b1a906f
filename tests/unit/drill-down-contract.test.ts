import { describe, expect, it } from 'vitest';
import {
  articleListHref,
  articleListQuerySchema,
  ticketListHref,
  ticketListQuerySchema,
  TICKET_FILTER_KEYS,
} from '../../core/contracts/drill-down.ts';

describe('drill-down addresses', () => {
  it('keep a stable parameter order and only the set parameters', () => {
    expect(ticketListHref()).toBe('/staff/tickets/');
    expect(ticketListHref({ status: 'escalated', topic: 'accounts', to: '2026-11-30', from: '2026-11-01', agent: undefined })).toBe(
      '/staff/tickets/?from=2026-11-01&to=2026-11-30&topic=accounts&status=escalated',
    );
    expect(ticketListHref({ page: 2, tz: 'Asia/Shanghai', priority: 'urgent' })).toBe(
      '/staff/tickets/?tz=Asia%2FShanghai&priority=urgent&page=2',
    );
    expect(articleListHref({ state: 'updated', lang: 'zh-CN', from: '2026-11-01', to: '2026-11-30' })).toBe(
      '/staff/articles/?from=2026-11-01&to=2026-11-30&lang=zh-CN&state=updated',
    );
  });

  it('parse back to the same filters', () => {
    const href = ticketListHref({ from: '2026-10-01', to: '2026-12-31', agent: 'a.li', status: 'resolved', limit: 200 });
    const parsed = ticketListQuerySchema.parse(Object.fromEntries(new URL(href, 'http://x').searchParams));
    expect(parsed).toEqual({ from: '2026-10-01', to: '2026-12-31', agent: 'a.li', status: 'resolved', limit: 200 });
    expect(Object.keys(parsed).filter((k) => k !== 'limit')).toEqual(TICKET_FILTER_KEYS.filter((k) => k in parsed));
  });

  it('name the field of a wrong filter', () => {
    const r = ticketListQuerySchema.safeParse({ status: 'lost', limit: '500' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0]).sort()).toEqual(['limit', 'status']);
    expect(articleListQuerySchema.safeParse({ state: 'nope' }).success).toBe(false);
    expect(ticketListQuerySchema.safeParse({ surprise: '1' }).success).toBe(false);
  });
});
