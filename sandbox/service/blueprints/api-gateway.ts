// Blueprint: an HTTP endpoint behind API Gateway (REST API, Lambda proxy integration).
import type { Blueprint } from '../../api/index.ts';

const event = {
  resource: '/hello',
  path: '/hello',
  httpMethod: 'GET',
  headers: { Accept: 'application/json', Host: 'abcdef1234.execute-api.us-east-1.amazonaws.com', 'User-Agent': 'curl/8.5.0' },
  multiValueHeaders: { Accept: ['application/json'], Host: ['abcdef1234.execute-api.us-east-1.amazonaws.com'], 'User-Agent': ['curl/8.5.0'] },
  queryStringParameters: { name: 'Ada' },
  multiValueQueryStringParameters: { name: ['Ada'] },
  pathParameters: null,
  stageVariables: null,
  requestContext: {
    accountId: '123456789012',
    apiId: 'abcdef1234',
    resourceId: 'a1b2c3',
    resourcePath: '/hello',
    httpMethod: 'GET',
    path: '/prod/hello',
    stage: 'prod',
    protocol: 'HTTP/1.1',
    requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    requestTime: '01/May/2026:12:00:00 +0000',
    requestTimeEpoch: 1777636800000,
    identity: { sourceIp: '203.0.113.7', userAgent: 'curl/8.5.0' },
  },
  body: null,
  isBase64Encoded: false,
};

export const apiGateway: Blueprint = {
  id: 'api-gateway',
  title: 'API Gateway handler',
  description:
    'Answers HTTP requests sent through Amazon API Gateway (REST API, proxy integration). The request arrives as the event (method, path, query string, headers, body) and the function must answer with statusCode, headers and a body string.',
  runtime: 'nodejs24.x',
  handler: 'index.handler',
  files: [
    {
      path: 'index.mjs',
      content: `// API Gateway (REST API, Lambda proxy integration) passes the HTTP request as the event and
// expects { statusCode, headers, body } back. The body must be a string: JSON.stringify it.
/**
 * @param {import('aws-lambda').APIGatewayProxyEvent} event
 * @returns {Promise<import('aws-lambda').APIGatewayProxyResult>}
 */
export const handler = async (event) => {
  const method = event.httpMethod;
  if (method === 'GET') {
    const name = event.queryStringParameters?.name ?? 'world';
    return json(200, { message: \`Hello, \${name}!\`, path: event.path });
  }
  if (method === 'POST') {
    // REST APIs send text bodies as they are; binary bodies arrive base64-encoded.
    if (event.isBase64Encoded) return json(415, { message: 'Send the body as JSON text' });
    let data;
    try {
      data = JSON.parse(event.body ?? '{}');
    } catch {
      return json(400, { message: 'The body is not valid JSON' });
    }
    return json(201, { message: 'Created', received: data });
  }
  return json(405, { message: \`Method \${method} is not allowed\` });
};

/**
 * @param {number} statusCode
 * @param {unknown} body
 * @returns {import('aws-lambda').APIGatewayProxyResult}
 */
const json = (statusCode, body) => ({
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
`,
    },
  ],
  sampleEvent: {
    name: 'get-hello',
    template: { service: 'apigateway', type: 'aws-proxy' },
    content: JSON.stringify(event, null, 2),
  },
};
