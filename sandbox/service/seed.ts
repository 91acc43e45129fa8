// What a new lab starts with: the function `hello`, as the Lambda console creates it.
import type { FunctionConfig, FunctionFile } from '../api/index.ts';

export const HELLO_FUNCTION: { name: string; description: string; config: FunctionConfig; files: FunctionFile[] } = {
  name: 'hello',
  description: 'Your first function: it logs the event it receives and answers with a greeting.',
  config: {
    runtime: 'nodejs24.x',
    handler: 'index.handler',
    memorySizeMB: 128,
    timeoutSeconds: 3,
    environment: {},
    architecture: 'x86_64',
    ephemeralStorageMB: 512,
    logFormat: 'Text',
    applicationLogLevel: 'INFO',
    systemLogLevel: 'INFO',
  },
  files: [
    {
      path: 'index.mjs',
      content: `/**
 * @param {Record<string, unknown>} event
 * @returns {Promise<import('aws-lambda').APIGatewayProxyResult>}
 */
export const handler = async (event) => {
  console.log('Received event:', JSON.stringify(event));
  const response = {
    statusCode: 200,
    body: JSON.stringify('Hello from Lambda!'),
  };
  return response;
};
`,
    },
  ],
};
