import type { ComponentChildren } from 'preact';
import { AppLink } from './app-link.js';
import { ShieldLogo } from './shield-logo.js';

/** Product name, what it is in one line, and (as children) the main navigation. */
export function SiteHeader({ children }: { readonly children: ComponentChildren }) {
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <AppLink href="/" class="brand">
          <ShieldLogo />
          <span class="brand__name">Shieldwall</span>
        </AppLink>
        <p class="site-header__tagline">
          Helps people and small organisations stay safe from scams and online attacks.
        </p>
        {children}
      </div>
    </header>
  );
}
