// Blueprint: react to new objects in an S3 bucket (S3 event notifications).
import type { Blueprint } from '../../api/index.ts';

const event = {
  Records: [
    {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2026-05-01T12:00:00.000Z',
      eventName: 'ObjectCreated:Put',
      userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
      requestParameters: { sourceIPAddress: '203.0.113.7' },
      responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD' },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'new-uploads',
        bucket: { name: 'lab-uploads', ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: 'arn:aws:s3:::lab-uploads' },
        object: { key: 'uploads/summer+photo+%281%29.jpg', size: 1024, eTag: 'd41d8cd98f00b204e9800998ecf8427e', sequencer: '0055AED6DCD90281E5' },
      },
    },
  ],
};

export const s3Object: Blueprint = {
  id: 's3-object',
  title: 'S3 object handler',
  description:
    'Runs when an object is uploaded to an S3 bucket. The event lists the bucket and the object key; keys arrive URL-encoded (a space is "+"), so the handler decodes them before use.',
  runtime: 'nodejs24.x',
  handler: 'index.handler',
  files: [
    {
      path: 'index.mjs',
      content: `// S3 sends one or more records per event, one per object change.
/** @param {import('aws-lambda').S3Event} event */
export const handler = async (event) => {
  const objects = event.Records.map((record) => {
    const bucket = record.s3.bucket.name;
    // Keys arrive URL-encoded with spaces as '+': decode them before using them.
    const key = decodeURIComponent(record.s3.object.key.replace(/\\+/g, ' '));
    const size = record.s3.object.size;
    console.log(\`\${record.eventName}: s3://\${bucket}/\${key} (\${size} bytes)\`);
    return { bucket, key, size };
  });
  return { processed: objects.length, objects };
};
`,
    },
  ],
  sampleEvent: {
    name: 's3-put',
    template: { service: 's3', type: 'put' },
    content: JSON.stringify(event, null, 2),
  },
};
