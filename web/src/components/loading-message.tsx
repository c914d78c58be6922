/** Shown while data loads; a polite status so screen readers hear it once. */
export function LoadingMessage({ children }: { readonly children: string }) {
  return (
    <p class="loading" role="status">
      <span class="loading__spinner" aria-hidden="true" />
      {children}
    </p>
  );
}
