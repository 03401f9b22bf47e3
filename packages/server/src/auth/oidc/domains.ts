/**
 * @module auth/oidc/domains
 * Email domains: the part of an address after the @, which decides the identity provider that
 * signs a person in.
 */

/** A domain name: two or more labels of letters, digits and inner hyphens, 253 characters at most. */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The domain as stored (trimmed, lower case, no trailing dot, no leading @), or null if it is not one. */
export function normaliseDomain(value: string): string | null {
  const domain = value.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  return DOMAIN.test(domain) ? domain : null;
}

/** The domain of an email address (lower case), or null for something that is not an address. */
export function domainOf(email: string): string | null {
  const at = email.trim().lastIndexOf('@');
  if (at <= 0) return null;
  return normaliseDomain(email.trim().slice(at + 1));
}
