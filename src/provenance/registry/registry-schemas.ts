/** HTTP schemas of the model registry (TypeBox): every input bounded at the edge. */
import Type from 'typebox';
import { ProblemSchema } from '../../platform/http/problem.js';

export const tags = ['models'];

export const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  413: ProblemSchema,
  422: ProblemSchema,
  429: ProblemSchema,
};

export const Environment = Type.Union([
  Type.Literal('dev'),
  Type.Literal('staging'),
  Type.Literal('prod'),
]);
export const Id = Type.String({ pattern: '^[0-9a-f-]{36}$' });
export const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const Name = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$' });
const OrgId = Type.String({ minLength: 1, maxLength: 128 });

export const CreateArtifact = Type.Object(
  {
    orgId: OrgId,
    name: Name,
    version: Name,
    environment: Environment,
    sha256: Sha256,
    size: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
    fileName: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.+-]{0,199}$' })),
    minTier: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })),
    restricted: Type.Optional(Type.Boolean()),
    /** The OMS bundle as text (a signature is a few kilobytes; 1 MB is generous). */
    signature: Type.Optional(Type.String({ minLength: 2, maxLength: 1024 * 1024 })),
  },
  { additionalProperties: false },
);

export const ArtifactSchema = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  name: Type.String(),
  version: Type.String(),
  environment: Type.String(),
  sha256: Type.String(),
  size: Type.Integer(),
  fileName: Type.String(),
  minTier: Type.Integer(),
  restricted: Type.Boolean(),
  status: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  signed: Type.Boolean(),
  /** In lists: the name of the registered key that signed it (null: unsigned). */
  signerName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** In lists: the scanner's verdict on its bytes. */
  scan: Type.Optional(Type.String()),
});

export const InclusionProofSchema = Type.Object({
  index: Type.Integer(),
  treeSize: Type.Integer(),
  leafHash: Type.String(),
  root: Type.String(),
  proof: Type.Array(Type.String()),
  checkpoint: Type.String(),
});

export const SignatureSchema = Type.Object({
  artifactId: Type.String(),
  bundleSha256: Type.String(),
  keyHint: Type.String(),
  auditIndex: Type.Integer(),
  proof: InclusionProofSchema,
});

export const GrantSchema = Type.Object({
  id: Type.String(),
  artifactId: Type.String(),
  grantee: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
});

export const FindingSchema = Type.Object({
  id: Type.String(),
  account: Type.String(),
  kind: Type.String(),
  at: Type.String(),
  explanation: Type.String(),
  evidence: Type.Record(Type.String(), Type.Unknown()),
  artifactId: Type.Union([Type.String(), Type.Null()]),
  auditIndex: Type.Union([Type.Integer(), Type.Null()]),
  suggestedLever: Type.String(),
});

export const GrantBody = Type.Object(
  { grantee: Type.String({ minLength: 5, maxLength: 140 }) },
  { additionalProperties: false },
);

export const SigningKeyBody = Type.Object(
  {
    orgId: OrgId,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    publicKeyPem: Type.String({ minLength: 50, maxLength: 16 * 1024 }),
  },
  { additionalProperties: false },
);

export const BindBody = Type.Object({ environment: Environment }, { additionalProperties: false });

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);

const FileFindingSchema = Type.Object({
  offset: Type.Integer(),
  opcode: Type.String(),
  detail: Type.String(),
  entry: Type.Optional(Type.String()),
});

const TrainingRunSchema = Type.Object({
  model: Type.Object({ name: Type.String(), sha256: Type.String() }),
  datasets: Type.Array(Type.Object({ name: Type.String(), sha256: Type.String() })),
  code: Type.Object({ repository: Type.String(), commit: Type.String() }),
  builderId: Type.String(),
  startedOn: Type.Optional(Type.String()),
  finishedOn: Type.Optional(Type.String()),
});

const BomSummarySchema = Type.Object({
  name: Nullable(Type.String()),
  version: Nullable(Type.String()),
  licenses: Type.Array(Type.String()),
  modelCard: Type.Array(Type.Object({ field: Type.String(), value: Type.String() })),
  datasets: Type.Array(Type.Object({ name: Type.String(), digest: Nullable(Type.String()) })),
  matchesArtifact: Type.Boolean(),
});

const AttestationSummarySchema = Type.Object({
  run: TrainingRunSchema,
  keyHint: Type.String(),
  matchesArtifact: Type.Boolean(),
});

const attached = <T extends Parameters<typeof Type.Object>[0]>(
  summary: ReturnType<typeof Type.Object<T>>,
) =>
  Type.Object({
    sha256: Type.String(),
    attachedBy: Type.String(),
    attachedAt: Type.String(),
    auditIndex: Nullable(Type.Integer()),
    summary,
  });

export const DetailsSchema = Type.Object({
  artifact: ArtifactSchema,
  signature: Nullable(
    Type.Object({
      keyHint: Type.String(),
      keyName: Nullable(Type.String()),
      bundleSha256: Type.String(),
      signedAt: Type.String(),
      auditIndex: Type.Integer(),
      proof: InclusionProofSchema,
    }),
  ),
  scan: Type.Object({
    verdict: Type.String(),
    format: Type.String(),
    findings: Type.Array(FileFindingSchema),
    scannedAt: Nullable(Type.String()),
  }),
  bom: Nullable(attached(BomSummarySchema)),
  attestation: Nullable(
    Type.Intersect([
      attached(AttestationSummarySchema),
      Type.Object({ keyName: Nullable(Type.String()) }),
    ]),
  ),
});

export const AccessEntrySchema = Type.Object({
  index: Type.Integer(),
  time: Type.String(),
  actor: Type.String(),
  /** The person's or key's name, for the artifact's own organization's members and keys. */
  actorName: Type.Optional(Type.String()),
  action: Type.String(),
  outcome: Type.String(),
  detail: Nullable(Type.String()),
});

export const AttachedSchema = Type.Object({
  kind: Type.String(),
  sha256: Type.String(),
  auditIndex: Type.Integer(),
  summary: Type.Union([BomSummarySchema, AttestationSummarySchema]),
});
