// Blueprint: process an SQS batch and report partial failures (batchItemFailures).
import type { Blueprint } from '../../api/index.ts';

const QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:orders';
const message = (messageId: string, body: string, md5OfBody: string, sent: number) => ({
  messageId,
  receiptHandle: `AQEB${messageId.replace(/-/g, '')}`,
  body,
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: String(sent),
    SenderId: 'AIDAEXAMPLE',
    ApproximateFirstReceiveTimestamp: String(sent + 3),
  },
  messageAttributes: {},
  md5OfBody,
  eventSource: 'aws:sqs',
  eventSourceARN: QUEUE_ARN,
  awsRegion: 'us-east-1',
});

/** Four messages: the second (quantity 0) and the third (not JSON) fail. */
const event = {
  Records: [
    message('059f36b4-87a3-44ab-83d2-661975830a7d', '{"orderId":"1001","item":"coffee beans","quantity":2}', '0b9e6139459d2b3e78d1e72e80ae4c4c', 1777636800000),
    message('2e1424d4-f796-459a-8184-9c92662be6da', '{"orderId":"1002","item":"tea","quantity":0}', '800f945ccfb243eea71f2b8502164fdb', 1777636800100),
    message('8a5b2c1e-3d4f-4a6b-9c7d-0e1f2a3b4c5d', 'this is not JSON', 'ea64ee832d1317200a3fedca320401f6', 1777636800200),
    message('f0e1d2c3-b4a5-4968-8776-655443322110', '{"orderId":"1004","item":"mug","quantity":1}', '30dfc01943de6118c8cc075d32f32584', 1777636800300),
  ],
};

export const sqsBatch: Blueprint = {
  id: 'sqs-batch',
  title: 'SQS batch handler with partial failures',
  description:
    'Processes a batch of SQS messages and reports only the failed ones in batchItemFailures, so SQS deletes the messages that succeeded and delivers just the failed ones again (the event source mapping needs ReportBatchItemFailures).',
  runtime: 'nodejs24.x',
  handler: 'index.handler',
  files: [
    {
      path: 'index.mjs',
      content: `// SQS delivers up to 10 messages per batch (more with a batching window). If the handler
// throws, the whole batch returns to the queue. Instead, catch each message's error and
// return the ids of the failed messages: only those are retried.
/**
 * @param {import('aws-lambda').SQSEvent} event
 * @returns {Promise<import('aws-lambda').SQSBatchResponse>}
 */
export const handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      await processMessage(record);
    } catch (err) {
      console.error(\`Message \${record.messageId} failed: \${err.message}\`);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};

/** @param {import('aws-lambda').SQSRecord} record */
async function processMessage(record) {
  const order = JSON.parse(record.body); // throws if the body is not JSON
  if (!Number.isInteger(order.quantity) || order.quantity < 1) {
    throw new Error(\`order \${order.orderId}: quantity must be a whole number of at least 1\`);
  }
  console.log(\`Order \${order.orderId}: \${order.quantity} x \${order.item}\`);
}
`,
    },
  ],
  sampleEvent: {
    name: 'orders-batch',
    template: { service: 'sqs', type: 'receive-message' },
    content: JSON.stringify(event, null, 2),
  },
};
