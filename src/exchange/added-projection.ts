/**
 * What one reader is shown of an `exchange.objects.added` announcement: only
 * the objects `mayRead` lets through under the rules of the collections it may
 * read. Shared by the live stream and webhooks, so both show exactly what
 * TAXII would.
 */
import { type CollectionPolicy, mayRead } from './engine/sharing/index.js';
import type { AnnouncedObject, viewerOf } from './exchange-service.js';

/** The bus event `exchange.objects.added`. */
export interface AddedEvent {
  readonly collection: string;
  readonly objects: readonly AnnouncedObject[];
}

/**
 * What one subscriber is shown of one announcement: only objects `mayRead` lets through,
 * under the rules of the collections it may read; undefined sends nothing.
 */
export function projectAdded(
  event: AddedEvent,
  view: {
    readonly viewer: ReturnType<typeof viewerOf>;
    readonly policies: ReadonlyMap<string, CollectionPolicy>;
    readonly types?: ReadonlySet<string>;
    readonly collections?: ReadonlySet<string>;
  },
) {
  if (view.collections !== undefined && !view.collections.has(event.collection)) return undefined;
  const policy = view.policies.get(event.collection);
  if (policy === undefined || !Array.isArray(event.objects)) return undefined;
  const objects = event.objects
    .filter((o) => view.types === undefined || view.types.has(o.type))
    .filter((o) =>
      mayRead(view.viewer, policy, {
        tlp: o.tlp ?? null,
        sourceOrg: o.sourceOrg ?? null,
        recipients: Array.isArray(o.recipients) ? o.recipients : [],
      }),
    )
    .map((o) => ({ id: o.id, version: o.version, type: o.type, tlp: o.tlp }));
  return objects.length === 0 ? undefined : { collection: event.collection, objects };
}
