/** The helpdesk list is the one source of the ticket sources, import formats and webhook routes. */
import { describe, expect, it } from 'vitest';
import { TICKET_FORMATS } from '../../core/tickets/formats.ts';
import { FILE_FORMAT_HELPDESKS, HELPDESK_IDS, HELPDESKS, WEBHOOK_HELPDESKS, webhookSecretVariable } from '../../core/tickets/helpdesks.ts';
import { TICKET_SOURCES } from '../../core/tickets/ticket.ts';

describe('the helpdesk list', () => {
  it('gives the ticket sources: every helpdesk, then CSV, the contact form and the API', () => {
    expect(TICKET_SOURCES).toEqual(['servicenow', 'zendesk', 'freshdesk', 'zammad', 'csv', 'web', 'api']);
  });

  it('gives the import formats: any CSV, then each helpdesk with an export format', () => {
    expect(TICKET_FORMATS).toEqual(['csv', ...FILE_FORMAT_HELPDESKS]);
    expect(TICKET_FORMATS).toEqual(['csv', 'servicenow', 'zendesk', 'freshdesk', 'zammad']);
  });

  it('gives the webhooks: the helpdesks that push tickets, each with its secret variable', () => {
    expect(WEBHOOK_HELPDESKS).toEqual(HELPDESK_IDS.filter((id) => HELPDESKS[id].webhook));
    expect(WEBHOOK_HELPDESKS).toEqual(['zendesk', 'freshdesk', 'zammad']);
    expect(WEBHOOK_HELPDESKS.map(webhookSecretVariable)).toEqual([
      'KB_WEBHOOK_SECRET_ZENDESK',
      'KB_WEBHOOK_SECRET_FRESHDESK',
      'KB_WEBHOOK_SECRET_ZAMMAD',
    ]);
  });
});
