// Blueprint: the Lambda console's "Hello world function": read the event, log, return a value.
import type { Blueprint } from '../../api/index.ts';

export const helloWorld: Blueprint = {
  id: 'hello-world',
  title: 'Hello world',
  description:
    'The smallest useful function: it reads three keys of the event, logs them and returns the first. Start here to see how an event goes in, how console.log lines reach the log, and how the return value becomes the response.',
  runtime: 'nodejs24.x',
  handler: 'index.handler',
  files: [
    {
      path: 'index.mjs',
      content: `console.log('Loading function'); // runs once per execution environment (INIT)

/**
 * @param {{ key1: string, key2: string, key3: string }} event
 * @param {import('aws-lambda').Context} context
 */
export const handler = async (event, context) => {
  console.log('value1 =', event.key1);
  console.log('value2 =', event.key2);
  console.log('value3 =', event.key3);
  console.log('remaining time (ms):', context.getRemainingTimeInMillis());
  return event.key1; // echo back the first key value
};
`,
    },
  ],
  sampleEvent: {
    name: 'hello-event',
    content: JSON.stringify({ key1: 'value1', key2: 'value2', key3: 'value3' }, null, 2),
  },
};
