/**
 * What the STIX 2.1 specification requires of each object type, as data: the
 * kind (domain, relationship, cyber-observable, meta), the required properties,
 * and the checks on typed properties. Validation (validate.ts) walks this table,
 * so supporting a type is one entry here. Section numbers refer to STIX 2.1 (CS03/OS).
 */

export type StixKind = 'sdo' | 'sro' | 'sco' | 'meta';

/** How one property is checked. */
export type PropertyRule =
  | { readonly kind: 'string' }
  | { readonly kind: 'strings' }
  | { readonly kind: 'timestamp' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'integer'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'number'; readonly min?: number; readonly max?: number }
  | { readonly kind: 'ref'; readonly types?: readonly string[] }
  | { readonly kind: 'refs'; readonly types?: readonly string[] }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'hashes' }
  | { readonly kind: 'kill-chain-phases' }
  | { readonly kind: 'object' }
  | { readonly kind: 'list' };

export interface TypeSpec {
  readonly kind: StixKind;
  readonly required: readonly string[];
  readonly properties: Readonly<Record<string, PropertyRule>>;
  /** A rule spanning properties ("one of", "before"), returning a message when broken. */
  readonly check?: (o: Readonly<Record<string, unknown>>) => string | undefined;
}

const str = { kind: 'string' } as const;
const strs = { kind: 'strings' } as const;
const ts = { kind: 'timestamp' } as const;
const bool = { kind: 'boolean' } as const;
const ref = (...types: string[]) => ({ kind: 'ref', ...(types.length ? { types } : {}) }) as const;
const refs = (...types: string[]) =>
  ({ kind: 'refs', ...(types.length ? { types } : {}) }) as const;
const int = (min?: number, max?: number) => ({ kind: 'integer', min, max }) as const;
const num = (min?: number, max?: number) => ({ kind: 'number', min, max }) as const;
const oneOfEnum = (...values: string[]) => ({ kind: 'enum', values }) as const;
const hashes = { kind: 'hashes' } as const;
const kcp = { kind: 'kill-chain-phases' } as const;
const obj = { kind: 'object' } as const;
const list = { kind: 'list' } as const;

const COUNT_MAX = 999_999_999;

const has = (o: Readonly<Record<string, unknown>>, k: string) => o[k] !== undefined;
const before = (o: Readonly<Record<string, unknown>>, a: string, b: string, strict: boolean) => {
  if (typeof o[a] !== 'string' || typeof o[b] !== 'string') return undefined;
  const ta = Date.parse(o[a] as string);
  const tb = Date.parse(o[b] as string);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return undefined;
  return (strict ? tb > ta : tb >= ta)
    ? undefined
    : `${b} must be ${strict ? 'later than' : 'the same as or later than'} ${a}`;
};
/** SCOs whose only required property is "at least one besides the common ones". */
const someProperty = (o: Readonly<Record<string, unknown>>) =>
  Object.keys(o).some(
    (k) =>
      ![
        'type',
        'id',
        'spec_version',
        'object_marking_refs',
        'granular_markings',
        'defanged',
        'extensions',
      ].includes(k),
  )
    ? undefined
    : 'needs at least one property besides type and id';

const named = (props: Record<string, PropertyRule> = {}): TypeSpec => ({
  kind: 'sdo',
  required: ['name'],
  properties: { name: str, description: str, aliases: strs, ...props },
});

export const STIX_TYPES: Readonly<Record<string, TypeSpec>> = {
  // Domain objects (§4)
  'attack-pattern': named({ kill_chain_phases: kcp }),
  campaign: {
    ...named({ first_seen: ts, last_seen: ts, objective: str }),
    check: (o) => before(o, 'first_seen', 'last_seen', false),
  },
  'course-of-action': named(),
  grouping: {
    kind: 'sdo',
    required: ['context', 'object_refs'],
    properties: { name: str, description: str, context: str, object_refs: refs() },
  },
  identity: named({ roles: strs, identity_class: str, sectors: strs, contact_information: str }),
  incident: named({ kill_chain_phases: kcp }),
  indicator: {
    kind: 'sdo',
    required: ['pattern', 'pattern_type', 'valid_from'],
    properties: {
      name: str,
      description: str,
      indicator_types: strs,
      pattern: str,
      pattern_type: str,
      pattern_version: str,
      valid_from: ts,
      valid_until: ts,
      kill_chain_phases: kcp,
    },
    check: (o) => before(o, 'valid_from', 'valid_until', true),
  },
  infrastructure: {
    ...named({ infrastructure_types: strs, kill_chain_phases: kcp, first_seen: ts, last_seen: ts }),
    check: (o) => before(o, 'first_seen', 'last_seen', false),
  },
  'intrusion-set': {
    ...named({
      first_seen: ts,
      last_seen: ts,
      goals: strs,
      resource_level: str,
      primary_motivation: str,
      secondary_motivations: strs,
    }),
    check: (o) => before(o, 'first_seen', 'last_seen', false),
  },
  location: {
    kind: 'sdo',
    required: [],
    properties: {
      name: str,
      description: str,
      latitude: num(-90, 90),
      longitude: num(-180, 180),
      precision: num(0),
      region: str,
      country: str,
      administrative_area: str,
      city: str,
      street_address: str,
      postal_code: str,
    },
    check: (o) =>
      has(o, 'latitude') !== has(o, 'longitude')
        ? 'latitude and longitude go together'
        : has(o, 'precision') && !has(o, 'latitude')
          ? 'precision needs latitude and longitude'
          : has(o, 'region') || has(o, 'country') || has(o, 'latitude')
            ? undefined
            : 'needs region, country, or latitude and longitude',
  },
  malware: {
    kind: 'sdo',
    required: ['is_family'],
    properties: {
      name: str,
      description: str,
      malware_types: strs,
      is_family: bool,
      aliases: strs,
      kill_chain_phases: kcp,
      first_seen: ts,
      last_seen: ts,
      operating_system_refs: refs('software'),
      architecture_execution_envs: strs,
      implementation_languages: strs,
      capabilities: strs,
      sample_refs: refs('file', 'artifact'),
    },
    check: (o) =>
      o.is_family === true && !has(o, 'name')
        ? 'a malware family needs a name'
        : before(o, 'first_seen', 'last_seen', false),
  },
  'malware-analysis': {
    kind: 'sdo',
    required: ['product'],
    properties: {
      product: str,
      version: str,
      host_vm_ref: ref('software'),
      operating_system_ref: ref('software'),
      installed_software_refs: refs('software'),
      configuration_version: str,
      modules: strs,
      analysis_engine_version: str,
      analysis_definition_version: str,
      submitted: ts,
      analysis_started: ts,
      analysis_ended: ts,
      result_name: str,
      result: str,
      analysis_sco_refs: refs(),
      sample_ref: ref(),
    },
    check: (o) =>
      has(o, 'result') || has(o, 'analysis_sco_refs')
        ? undefined
        : 'needs result or analysis_sco_refs',
  },
  note: {
    kind: 'sdo',
    required: ['content', 'object_refs'],
    properties: { abstract: str, content: str, authors: strs, object_refs: refs() },
  },
  'observed-data': {
    kind: 'sdo',
    required: ['first_observed', 'last_observed', 'number_observed'],
    properties: {
      first_observed: ts,
      last_observed: ts,
      number_observed: int(1, COUNT_MAX),
      objects: obj,
      object_refs: refs(),
    },
    check: (o) =>
      has(o, 'objects') === has(o, 'object_refs')
        ? 'needs exactly one of objects and object_refs'
        : before(o, 'first_observed', 'last_observed', false),
  },
  opinion: {
    kind: 'sdo',
    required: ['opinion', 'object_refs'],
    properties: {
      explanation: str,
      authors: strs,
      opinion: oneOfEnum('strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree'),
      object_refs: refs(),
    },
  },
  report: {
    kind: 'sdo',
    required: ['name', 'published', 'object_refs'],
    properties: {
      name: str,
      description: str,
      report_types: strs,
      published: ts,
      object_refs: refs(),
    },
  },
  'threat-actor': {
    ...named({
      threat_actor_types: strs,
      roles: strs,
      goals: strs,
      sophistication: str,
      resource_level: str,
      primary_motivation: str,
      secondary_motivations: strs,
      personal_motivations: strs,
      first_seen: ts,
      last_seen: ts,
    }),
    check: (o) => before(o, 'first_seen', 'last_seen', false),
  },
  tool: named({ tool_types: strs, kill_chain_phases: kcp, tool_version: str }),
  vulnerability: named(),

  // Relationship objects (§5)
  relationship: {
    kind: 'sro',
    required: ['relationship_type', 'source_ref', 'target_ref'],
    properties: {
      relationship_type: str,
      description: str,
      source_ref: ref(),
      target_ref: ref(),
      start_time: ts,
      stop_time: ts,
    },
    check: (o) => before(o, 'start_time', 'stop_time', true),
  },
  sighting: {
    kind: 'sro',
    required: ['sighting_of_ref'],
    properties: {
      description: str,
      first_seen: ts,
      last_seen: ts,
      count: int(0, COUNT_MAX),
      sighting_of_ref: ref(),
      observed_data_refs: refs('observed-data'),
      where_sighted_refs: refs('identity', 'location'),
      summary: bool,
    },
    check: (o) => before(o, 'first_seen', 'last_seen', false),
  },

  // Meta objects (§7)
  'marking-definition': {
    kind: 'meta',
    required: [],
    properties: { name: str, definition_type: str, definition: obj },
    check: (o) =>
      has(o, 'definition_type') !== has(o, 'definition')
        ? 'definition_type and definition go together'
        : has(o, 'definition') || has(o, 'extensions')
          ? undefined
          : 'needs definition_type and definition, or an extension',
  },
  'language-content': {
    kind: 'meta',
    required: ['object_ref', 'contents'],
    properties: { object_ref: ref(), object_modified: ts, contents: obj },
  },
  'extension-definition': {
    kind: 'meta',
    required: ['name', 'schema', 'version', 'extension_types', 'created_by_ref'],
    properties: {
      name: str,
      description: str,
      schema: str,
      version: str,
      extension_types: strs,
      extension_properties: strs,
    },
  },

  // Cyber-observable objects (§6)
  artifact: {
    kind: 'sco',
    required: [],
    properties: {
      mime_type: str,
      payload_bin: str,
      url: str,
      hashes,
      encryption_algorithm: str,
      decryption_key: str,
    },
    check: (o) =>
      has(o, 'payload_bin') && has(o, 'url')
        ? 'payload_bin and url cannot both be present'
        : has(o, 'url') && !has(o, 'hashes')
          ? 'an artifact with a url needs hashes'
          : undefined,
  },
  'autonomous-system': {
    kind: 'sco',
    required: ['number'],
    properties: { number: int(0), name: str, rir: str },
  },
  directory: {
    kind: 'sco',
    required: ['path'],
    properties: {
      path: str,
      path_enc: str,
      ctime: ts,
      mtime: ts,
      atime: ts,
      contains_refs: refs('file', 'directory'),
    },
  },
  'domain-name': {
    kind: 'sco',
    required: ['value'],
    properties: { value: str, resolves_to_refs: refs('ipv4-addr', 'ipv6-addr', 'domain-name') },
  },
  'email-addr': {
    kind: 'sco',
    required: ['value'],
    properties: { value: str, display_name: str, belongs_to_ref: ref('user-account') },
  },
  'email-message': {
    kind: 'sco',
    required: ['is_multipart'],
    properties: {
      is_multipart: bool,
      date: ts,
      content_type: str,
      from_ref: ref('email-addr'),
      sender_ref: ref('email-addr'),
      to_refs: refs('email-addr'),
      cc_refs: refs('email-addr'),
      bcc_refs: refs('email-addr'),
      message_id: str,
      subject: str,
      received_lines: strs,
      additional_header_fields: obj,
      body: str,
      body_multipart: list,
      raw_email_ref: ref('artifact'),
    },
    check: (o) =>
      o.is_multipart === false && has(o, 'body_multipart')
        ? 'body_multipart needs is_multipart true'
        : o.is_multipart === true && has(o, 'body')
          ? 'body needs is_multipart false'
          : undefined,
  },
  file: {
    kind: 'sco',
    required: [],
    properties: {
      hashes,
      size: int(0),
      name: str,
      name_enc: str,
      magic_number_hex: str,
      mime_type: str,
      ctime: ts,
      mtime: ts,
      atime: ts,
      parent_directory_ref: ref('directory'),
      contains_refs: refs(),
      content_ref: ref('artifact'),
    },
    check: (o) => (has(o, 'hashes') || has(o, 'name') ? undefined : 'needs hashes or name'),
  },
  'ipv4-addr': {
    kind: 'sco',
    required: ['value'],
    properties: {
      value: str,
      resolves_to_refs: refs('mac-addr'),
      belongs_to_refs: refs('autonomous-system'),
    },
  },
  'ipv6-addr': {
    kind: 'sco',
    required: ['value'],
    properties: {
      value: str,
      resolves_to_refs: refs('mac-addr'),
      belongs_to_refs: refs('autonomous-system'),
    },
  },
  'mac-addr': { kind: 'sco', required: ['value'], properties: { value: str } },
  mutex: { kind: 'sco', required: ['name'], properties: { name: str } },
  'network-traffic': {
    kind: 'sco',
    required: ['protocols'],
    properties: {
      start: ts,
      end: ts,
      is_active: bool,
      src_ref: ref('ipv4-addr', 'ipv6-addr', 'mac-addr', 'domain-name'),
      dst_ref: ref('ipv4-addr', 'ipv6-addr', 'mac-addr', 'domain-name'),
      src_port: int(0, 65535),
      dst_port: int(0, 65535),
      protocols: strs,
      src_byte_count: int(0),
      dst_byte_count: int(0),
      src_packets: int(0),
      dst_packets: int(0),
      ipfix: obj,
      src_payload_ref: ref('artifact'),
      dst_payload_ref: ref('artifact'),
      encapsulates_refs: refs('network-traffic'),
      encapsulated_by_ref: ref('network-traffic'),
    },
    check: (o) =>
      has(o, 'src_ref') || has(o, 'dst_ref')
        ? before(o, 'start', 'end', false)
        : 'needs src_ref or dst_ref',
  },
  process: {
    kind: 'sco',
    required: [],
    properties: {
      is_hidden: bool,
      pid: int(),
      created_time: ts,
      cwd: str,
      command_line: str,
      environment_variables: obj,
      opened_connection_refs: refs('network-traffic'),
      creator_user_ref: ref('user-account'),
      image_ref: ref('file'),
      parent_ref: ref('process'),
      child_refs: refs('process'),
    },
    check: someProperty,
  },
  software: {
    kind: 'sco',
    required: ['name'],
    properties: { name: str, cpe: str, swid: str, languages: strs, vendor: str, version: str },
  },
  url: { kind: 'sco', required: ['value'], properties: { value: str } },
  'user-account': {
    kind: 'sco',
    required: [],
    properties: {
      user_id: str,
      credential: str,
      account_login: str,
      account_type: str,
      display_name: str,
      is_service_account: bool,
      is_privileged: bool,
      can_escalate_privs: bool,
      is_disabled: bool,
      account_created: ts,
      account_expires: ts,
      credential_last_changed: ts,
      account_first_login: ts,
      account_last_login: ts,
    },
    check: someProperty,
  },
  'windows-registry-key': {
    kind: 'sco',
    required: [],
    properties: {
      key: str,
      values: list,
      modified_time: ts,
      creator_user_ref: ref('user-account'),
      number_of_subkeys: int(0),
    },
    check: someProperty,
  },
  'x509-certificate': {
    kind: 'sco',
    required: [],
    properties: {
      is_self_signed: bool,
      hashes,
      version: str,
      serial_number: str,
      signature_algorithm: str,
      issuer: str,
      validity_not_before: ts,
      validity_not_after: ts,
      subject: str,
      subject_public_key_algorithm: str,
      subject_public_key_modulus: str,
      subject_public_key_exponent: int(0),
      x509_v3_extensions: obj,
    },
    check: someProperty,
  },
};

/** Common properties of domain and relationship objects (§3.2), and their rules. */
export const COMMON_PROPERTIES: Readonly<Record<string, PropertyRule>> = {
  created_by_ref: ref('identity'),
  created: ts,
  modified: ts,
  revoked: bool,
  labels: strs,
  confidence: int(0, 100),
  lang: str,
  external_references: list,
  object_marking_refs: refs('marking-definition'),
  granular_markings: list,
  extensions: obj,
  defanged: bool,
};
