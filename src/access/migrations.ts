import type { Migration } from '../platform/ports/store.js';
import { accessCoreMigrations } from './access-tables.js';
import { accountMigrations } from './accounts/account-tables.js';
import { recoveryMigrations } from './accounts/recovery-tables.js';
import { passkeyMigrations } from './passkeys/passkey-tables.js';
import { verificationMigrations } from './verification/verification-tables.js';

/** Every migration of the access module, in one list (the module registers it). */
export const accessMigrations: readonly Migration[] = [
  ...accessCoreMigrations,
  ...accountMigrations,
  ...verificationMigrations,
  ...passkeyMigrations,
  ...recoveryMigrations,
];
