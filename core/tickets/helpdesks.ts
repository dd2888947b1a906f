/**
 * The helpdesks we read tickets from, and what each offers: an export file the importer
 * reads (`npm run import:tickets -- --format <id>`) and a signed webhook
 * (`POST /api/webhooks/<id>`, secret in KB_WEBHOOK_SECRET_<ID>). The ticket sources, the
 * import formats, the webhook routes and the webhook secrets are all derived from this list.
 */

/** What one helpdesk offers. */
export interface HelpdeskSpec {
  /** The product's name, as messages and help texts write it. */
  name: string;
  /** Whether `import:tickets` reads its export (the format has the helpdesk's id). */
  fileFormat: boolean;
  /** Whether it can push tickets to `POST /api/webhooks/<id>`. */
  webhook: boolean;
}

export const HELPDESKS = {
  servicenow: { name: 'ServiceNow', fileFormat: true, webhook: false },
  zendesk: { name: 'Zendesk', fileFormat: true, webhook: true },
  freshdesk: { name: 'Freshdesk', fileFormat: true, webhook: true },
  zammad: { name: 'Zammad', fileFormat: true, webhook: true },
} as const satisfies Record<string, HelpdeskSpec>;

type Helpdesks = typeof HELPDESKS;
/** A helpdesk's id, also its ticket source and, where it has one, its import format. */
export type Helpdesk = keyof Helpdesks;
/** A helpdesk that can push tickets through a webhook. */
export type WebhookHelpdesk = { [K in Helpdesk]: Helpdesks[K]['webhook'] extends true ? K : never }[Helpdesk];
/** A helpdesk whose export file `import:tickets` reads. */
export type FileFormatHelpdesk = { [K in Helpdesk]: Helpdesks[K]['fileFormat'] extends true ? K : never }[Helpdesk];
/** The webhook secret of each helpdesk that has one configured. */
export type WebhookSecrets = Partial<Record<WebhookHelpdesk, string>>;

/** The ids of the helpdesks for which `offers` holds, in the list's order (never empty: the list has one of each). */
function helpdeskIds<T extends Helpdesk>(offers: (spec: HelpdeskSpec) => boolean): readonly [T, ...T[]] {
  return (Object.keys(HELPDESKS) as Helpdesk[]).filter((id) => offers(HELPDESKS[id])) as unknown as readonly [T, ...T[]];
}

/** Every helpdesk, in the order help texts list them. */
export const HELPDESK_IDS = helpdeskIds<Helpdesk>(() => true);
/** The helpdesks with a webhook endpoint. */
export const WEBHOOK_HELPDESKS = helpdeskIds<WebhookHelpdesk>((spec) => spec.webhook);
/** The helpdesks with an import format. */
export const FILE_FORMAT_HELPDESKS = helpdeskIds<FileFormatHelpdesk>((spec) => spec.fileFormat);

/** The environment variable holding a helpdesk's webhook secret, e.g. KB_WEBHOOK_SECRET_ZENDESK. */
export function webhookSecretVariable<K extends WebhookHelpdesk>(helpdesk: K): `KB_WEBHOOK_SECRET_${Uppercase<K>}` {
  return `KB_WEBHOOK_SECRET_${helpdesk.toUpperCase() as Uppercase<K>}`;
}
