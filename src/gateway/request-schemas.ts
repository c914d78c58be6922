/**
 * What the gateway checks in a request body before it spends anything on it.
 * Only the fields it reads are constrained; every other field is passed to the
 * upstream unchanged (OpenAI adds fields often), so objects stay open.
 */
import Type, { type Static } from 'typebox';
import { Compile } from 'typebox/compile';

const MODEL = '^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,127}$';
const Id = Type.String({ minLength: 1, maxLength: 256 });

const Message = Type.Object({
  role: Type.Union([
    Type.Literal('system'),
    Type.Literal('developer'),
    Type.Literal('user'),
    Type.Literal('assistant'),
    Type.Literal('tool'),
    Type.Literal('function'),
  ]),
  content: Type.Optional(
    Type.Union([Type.String(), Type.Array(Type.Unknown(), { maxItems: 512 }), Type.Null()]),
  ),
});

const Common = {
  model: Type.String({ pattern: MODEL }),
  stream: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
  user: Type.Optional(Id),
  safety_identifier: Type.Optional(Id),
};

export const ChatRequest = Type.Object({
  ...Common,
  messages: Type.Array(Message, { minItems: 1, maxItems: 4096 }),
  max_tokens: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  max_completion_tokens: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
});
export type ChatRequest = Static<typeof ChatRequest>;

export const ResponsesRequest = Type.Object({
  ...Common,
  input: Type.Optional(Type.Union([Type.String(), Type.Array(Type.Unknown(), { maxItems: 4096 })])),
  instructions: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  max_output_tokens: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
});
export type ResponsesRequest = Static<typeof ResponsesRequest>;

export const checkChat = Compile(ChatRequest);
export const checkResponses = Compile(ResponsesRequest);

/** The first problem with a body, as OpenAI's `param` and a message. */
export function firstProblem(
  check: typeof checkChat | typeof checkResponses,
  body: unknown,
): { param: string | null; message: string } {
  for (const e of check.Errors(body)) {
    const extra =
      typeof e.params === 'object' && e.params !== null && 'requiredProperties' in e.params
        ? String((e.params as { requiredProperties: unknown }).requiredProperties)
        : '';
    const path = `${e.instancePath.replace(/^\//, '').replace(/\//g, '.')}${extra}`;
    return { param: path === '' ? null : path, message: `${path || 'body'} ${e.message}` };
  }
  return { param: null, message: 'The request body is not valid.' };
}
