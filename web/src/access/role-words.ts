import type { Role } from './access-api.js';

/** Each role in plain words: its name, "an owner", and what it may do. */
const words: Record<Role, { name: string; withArticle: string; can: string }> = {
  owner: {
    name: 'Owner',
    withArticle: 'an owner',
    can: 'can do everything, including removing the organization’s other owners',
  },
  admin: {
    name: 'Administrator',
    withArticle: 'an administrator',
    can: 'can invite and remove members and manage API keys',
  },
  analyst: {
    name: 'Analyst',
    withArticle: 'an analyst',
    can: 'can use and add to the organization’s security information',
  },
  member: { name: 'Member', withArticle: 'a member', can: 'can use what the organization may use' },
};

export function roleWords(role: string): { name: string; withArticle: string; can: string } {
  return words[role as Role] ?? { name: role, withArticle: role, can: '' };
}
