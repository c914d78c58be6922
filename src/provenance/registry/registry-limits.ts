/**
 * Limits of the model registry that the CLI checks before it sends anything. Kept apart from
 * registry-attachments.ts, which loads the CycloneDX and JSON-schema libraries: the CLI reads the
 * limit at start-up, and every command would otherwise pay for loading them.
 */

/** An AI-BOM or attestation attached to a model version: at most 1 MiB. */
export const MAX_ATTACHMENT_BYTES = 1024 * 1024;
