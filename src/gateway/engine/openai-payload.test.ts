import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerText,
  createStreamScanner,
  estimatePromptTokens,
  promptText,
  usageOf,
} from './openai-payload.js';

const chatStream = [
  'data: {"choices":[{"index":0,"delta":{"role":"assistant","content":"Patch"}}]}',
  '',
  'data: {"choices":[{"index":0,"delta":{"content":" now"}}]}',
  '',
  'data: {"choices":[],"usage":{"prompt_tokens":7,"completion_tokens":2,"total_tokens":9}}',
  '',
  'data: [DONE]',
  '',
  '',
].join('\n');

describe('payloads', () => {
  it('reads the prompt text of chat and responses requests', () => {
    expect(
      promptText('chat', {
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: [{ type: 'text', text: 'Hi' }, { type: 'image_url' }] },
        ],
      }),
    ).toBe('Be brief.\nHi');
    expect(
      promptText('responses', {
        instructions: 'Be brief.',
        input: [{ role: 'user', content: [{ type: 'input_text', text: 'Hi' }] }],
      }),
    ).toBe('Be brief.\nHi');
    expect(promptText('responses', { input: 'Hi' })).toBe('Hi');
  });

  it('estimates about four characters a token plus framing', () => {
    expect(estimatePromptTokens('a'.repeat(400), 1)).toBe(100 + 4 + 3);
  });

  it('reads usage in both spellings, and the answer text', () => {
    expect(usageOf({ usage: { prompt_tokens: 3, completion_tokens: 4 } })).toEqual({
      promptTokens: 3,
      completionTokens: 4,
      totalTokens: 7,
    });
    expect(
      usageOf({ response: { usage: { input_tokens: 1, output_tokens: 2, total_tokens: 3 } } }),
    ).toEqual({ promptTokens: 1, completionTokens: 2, totalTokens: 3 });
    expect(answerText({ choices: [{ message: { content: 'Yes' } }] })).toBe('Yes');
    expect(answerText({ output: [{ content: [{ type: 'output_text', text: 'Yes' }] }] })).toBe(
      'Yes',
    );
  });

  it('scans a stream the same however it is cut into chunks', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: chatStream.length - 1 })), (cuts) => {
        const scan = createStreamScanner();
        let from = 0;
        for (const at of [...cuts].sort((a, b) => a - b)) {
          scan.push(chatStream.slice(from, at));
          from = at;
        }
        scan.push(chatStream.slice(from));
        expect(scan.text()).toBe('Patch now');
        expect(scan.usage()).toEqual({ promptTokens: 7, completionTokens: 2, totalTokens: 9 });
        expect(scan.malformed()).toBe(0);
      }),
    );
  });

  it('counts data lines that are not JSON', () => {
    const scan = createStreamScanner();
    scan.push('data: {"choices": [ broken\n\ndata: [DONE]\n\n');
    expect(scan.malformed()).toBe(1);
  });
});
