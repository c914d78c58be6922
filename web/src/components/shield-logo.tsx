/** The Shieldwall mark. Decorative: the product name is always written next to it. */
export function ShieldLogo() {
  return (
    <svg
      class="shield-logo"
      viewBox="0 0 32 32"
      width="40"
      height="40"
      aria-hidden="true"
      focusable="false"
    >
      <path
        class="shield-logo__shield"
        d="M16 2 4 6.5v8.7c0 7.4 5.1 13.6 12 15.8 6.9-2.2 12-8.4 12-15.8V6.5z"
      />
      <path class="shield-logo__tick" d="m14.2 20.6-4.6-4.6 2-2 2.6 2.6 6.2-6.2 2 2z" />
    </svg>
  );
}
