/**
 * Sharing rules of the exchange: TLP 2.0, per-collection ACLs and sharing
 * groups in one pure decision, `mayRead`.
 *
 * @example
 * if (mayRead(viewer, collectionPolicy, { tlp: 'amber', sourceOrg, recipients: [] })) send(object);
 */
export {
  anonymousViewer,
  type CollectionPolicy,
  isRestricted,
  MAX_RECIPIENTS,
  type Marked,
  mayRead,
  mayReadCollection,
  mayWriteCollection,
  meets,
  RECIPIENTS_PROPERTY,
  recipientsOf,
  TLP_CAPABILITY,
  type Viewer,
} from './visibility.js';
