import { lazyPart } from '../components/lazy-part.js';

/**
 * The webhook form, with its catalog and code in their own chunk: fetched only for someone who
 * administers an organization, so the first load stays small for every other visitor.
 */
export const LazyWebhooksSection = lazyPart(() =>
  import('./webhooks-section.js').then((m) => m.WebhooksSection),
);
