/**
 * The benchmark's upstream, in its own process: the same faithful OpenAI stub
 * the tests use (src/gateway/test-support), answering at once, recording
 * nothing. Prints `{"url": …}` on its first line and runs until stdin closes.
 */
import { startStubUpstream } from '../../src/gateway/test-support/stub-upstream.js';

const stub = await startStubUpstream({ record: false });
process.stdout.write(`${JSON.stringify({ url: stub.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void stub.close().then(() => process.exit(0)));
