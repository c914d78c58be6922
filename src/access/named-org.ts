import type { Platform } from '../platform/compose.js';
import { platformErrors } from '../platform/errors.js';
import type { Access } from './access-service.js';
import type { Org } from './directory.js';

/**
 * For other modules' CLI commands that act on the organization named with `--org`: open the
 * access services, find the organization by name or id, run, and always release the services.
 * An unknown organization is a usage error (exit 2) that says how to list them.
 *
 * @example
 * await withNamedOrg(platform, opts.org, (org) => service.list(org.id));
 */
export async function withNamedOrg<T>(
  platform: Platform,
  name: string,
  run: (org: Org, access: Access) => Promise<T>,
): Promise<T> {
  const { accessForPlatform } = await import('./access-service.js');
  const access = await accessForPlatform(platform);
  try {
    const org = await access.directory.getOrg(name).catch((err: unknown) => {
      if ((err as { code?: unknown }).code === 'not_found')
        throw platformErrors.create('usage', {
          message: `There is no organization "${name.slice(0, 120)}" (\`shieldwall admin org list\`).`,
        });
      throw err;
    });
    return await run(org, access);
  } finally {
    await access.close();
  }
}
