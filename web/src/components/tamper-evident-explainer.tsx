/** What a tamper-evident log is and why keeping a checkpoint matters, without jargon. */
export function TamperEvidentExplainer() {
  return (
    <section aria-labelledby="explainer-heading">
      <h2 id="explainer-heading">How this log protects you</h2>
      <p>
        Each new entry is sealed together with every entry before it. Each time an entry is added,
        the server signs a short summary of the whole log, called a <strong>checkpoint</strong>.
      </p>
      <p>
        If anyone later changed or deleted an old entry, the log would no longer match the
        checkpoints people have kept, and the change would show. That is what
        &ldquo;tamper-evident&rdquo; means: changes can't be hidden.
      </p>
      <p>
        To help, copy the current checkpoint below and keep it somewhere other than this server,
        such as an email to yourself or a note. Anyone can later use it to check that the log was
        not rewritten.
      </p>
    </section>
  );
}
