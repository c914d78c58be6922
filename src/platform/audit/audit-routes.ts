/**
 * HTTP routes of the audit log under /api/audit. Thin: parse, call the service,
 * let the server's error handler turn `ShieldwallError`s into problem details.
 *
 * Read access is public on purpose for now: a transparency log is only useful if
 * anyone can check it, and entries must never carry secrets. When the access
 * module lands it decides who may read entry *details* (actors, data); the
 * checkpoint, proofs and public key stay public so witnesses keep working.
 */
import Type from 'typebox';
import type { App } from '../http/app.js';
import type { EventStream } from '../http/event-stream.js';
import { ProblemSchema } from '../http/problem.js';
import type { BusEvent } from '../ports/bus.js';
import { AUDIT_APPENDED, type AuditLog } from './audit-log.js';
import { MAX_PAGE } from './audit-reads.js';

const tags = ['audit'];
const MAX_INDEX = Number.MAX_SAFE_INTEGER;
const Index = Type.Integer({ minimum: 0, maximum: MAX_INDEX });
const TreeSize = Type.Integer({ minimum: 1, maximum: MAX_INDEX });
const Hash = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256, lowercase hex' });
const Proof = Type.Array(Hash, { maxItems: 128 });
const Note = Type.String({ maxLength: 65536, description: 'C2SP signed note (tlog-checkpoint)' });
// A copy without `$id`, so these routes do not depend on the server having registered it.
const Problem = Type.Object(ProblemSchema.properties, { description: 'RFC 9457 problem details' });

const Entry = Type.Object({
  index: Index,
  time: Type.String({ description: 'ISO 8601 UTC' }),
  actor: Type.String(),
  action: Type.String(),
  subject: Type.Optional(Type.String()),
  outcome: Type.Union([Type.Literal('success'), Type.Literal('denied'), Type.Literal('failure')]),
  data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  requestId: Type.Optional(Type.String()),
  canonical: Type.String({
    description: 'The canonical record; its UTF-8 bytes are the Merkle leaf',
  }),
  leafHash: Hash,
  treeSize: TreeSize,
  root: Hash,
  signature: Type.String({
    description: 'Ed25519 signature (base64) over the checkpoint at treeSize',
  }),
});

const CheckpointJson = Type.Object({
  text: Note,
  size: Type.Integer({ minimum: 0 }),
  root: Hash,
  origin: Type.String(),
  publicKey: Type.String({ description: 'Note verifier key <origin>+<key hash>+<base64 key>' }),
});

export function registerAuditRoutes(
  app: App,
  audit: AuditLog,
  options: { eventStream?: EventStream } = {},
): void {
  registerCheckpointRoutes(app, audit);
  registerEntryRoutes(app, audit);
  registerProofRoutes(app, audit);
  if (options.eventStream !== undefined) registerStreamRoute(app, options.eventStream);
}

function registerCheckpointRoutes(app: App, audit: AuditLog): void {
  app.get(
    '/api/audit/checkpoint',
    {
      schema: {
        tags,
        summary:
          'The latest signed tree head (C2SP checkpoint): text/plain by default, JSON on Accept: application/json',
        response: {
          200: {
            content: {
              'text/plain': { schema: Note },
              'application/json': { schema: CheckpointJson },
            },
          },
          500: Problem,
        },
      },
    },
    async (request, reply) => {
      const checkpoint = await audit.checkpoint();
      reply.header('cache-control', 'no-store');
      if ((request.headers.accept ?? '').includes('application/json')) {
        return reply.type('application/json; charset=utf-8').send(checkpoint);
      }
      return reply.type('text/plain; charset=utf-8').send(checkpoint.text);
    },
  );

  app.get(
    '/api/audit/public-key',
    {
      schema: {
        tags,
        summary: 'The key that signs checkpoints: PEM and the note verifier key string',
        response: {
          200: Type.Object({
            origin: Type.String(),
            pem: Type.String(),
            verifierKey: Type.String(),
          }),
        },
      },
    },
    async () => audit.publicKey(),
  );
}

function registerEntryRoutes(app: App, audit: AuditLog): void {
  app.get(
    '/api/audit/entries',
    {
      schema: {
        tags,
        summary: 'Entries in index order, a page at a time',
        querystring: Type.Object({
          from: Type.Integer({ minimum: 0, maximum: MAX_INDEX, default: 0 }),
          limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 100 }),
        }),
        response: {
          200: Type.Object({
            entries: Type.Array(Entry),
            treeSize: Type.Integer({ minimum: 0 }),
            next: Type.Union([Index, Type.Null()], { description: 'from for the next page' }),
          }),
          400: Problem,
        },
      },
    },
    async (request) => audit.entries({ from: request.query.from, limit: request.query.limit }),
  );

  app.get(
    '/api/audit/entries/:index',
    {
      schema: {
        tags,
        summary: 'One entry',
        params: Type.Object({ index: Index }),
        response: { 200: Entry, 400: Problem, 404: Problem },
      },
    },
    async (request) => audit.get(request.params.index),
  );
}

function registerProofRoutes(app: App, audit: AuditLog): void {
  app.get(
    '/api/audit/proof/inclusion',
    {
      schema: {
        tags,
        summary:
          'RFC 9162 inclusion proof of one entry in the tree of treeSize entries (default: now)',
        querystring: Type.Object({ index: Index, treeSize: Type.Optional(TreeSize) }),
        response: {
          200: Type.Object({
            index: Index,
            treeSize: TreeSize,
            leafHash: Hash,
            root: Hash,
            proof: Proof,
            checkpoint: Note,
          }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request) => audit.inclusionProof(request.query.index, request.query.treeSize),
  );

  app.get(
    '/api/audit/proof/consistency',
    {
      schema: {
        tags,
        summary:
          'RFC 9162 consistency proof: the tree of `from` entries is a prefix of the tree of `to`',
        querystring: Type.Object({ from: Index, to: TreeSize }),
        response: {
          200: Type.Object({
            from: Index,
            to: TreeSize,
            fromRoot: Hash,
            toRoot: Hash,
            proof: Proof,
            checkpoint: Note,
          }),
          400: Problem,
        },
      },
    },
    async (request) => audit.consistencyProof(request.query.from, request.query.to),
  );
}

function registerStreamRoute(app: App, stream: EventStream): void {
  app.get(
    '/api/audit/stream',
    {
      schema: {
        tags,
        summary: 'Server-Sent Events: `appended` with { index, treeSize, root } for each new entry',
        response: { 200: { content: { 'text/event-stream': { schema: Type.String() } } } },
      },
    },
    async (request, reply) => {
      await stream(request, reply, {
        pattern: AUDIT_APPENDED,
        eventName: 'appended',
        project: projectAppended,
      });
    },
  );
}

/** Only the announced fields reach clients, whatever else is on the event. */
function projectAppended(event: BusEvent): unknown {
  const data = (event.data ?? {}) as Record<string, unknown>;
  return { index: data.index, treeSize: data.treeSize, root: data.root };
}
