import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { type OrgMessageKey, orgMessages } from '../i18n/org-messages.js';
import { ROLES, type Role } from './access-api.js';

export interface RoleWords {
  /** "Owner", for lists and choices. */
  readonly name: string;
  /**
   * The role inside a sentence: "an owner" ("You are an owner."). In Spanish it is the bare role
   * ("propietario"), said after "el rol de", so no sentence guesses a person's gender.
   */
  readonly withArticle: string;
  /** What the role may do: "can invite and remove members and manage API keys". */
  readonly can: string;
}

/** Each role in plain words, in `locale` (English when not given); an unknown role as it is. */
export function roleWords(role: string, locale: Locale = 'en'): RoleWords {
  if (!(ROLES as readonly string[]).includes(role))
    return { name: role, withArticle: role, can: '' };
  const word = (suffix: string) =>
    orgMessages.t(locale, `role.${role as Role}${suffix}` as OrgMessageKey);
  return { name: word(''), withArticle: word('_article'), can: word('_can') };
}
