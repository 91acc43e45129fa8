// Blueprint: a job that Amazon EventBridge runs on a schedule.
import type { Blueprint } from '../../api/index.ts';

const event = {
  version: '0',
  id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: '2026-05-01T03:00:00Z',
  region: 'us-east-1',
  resources: ['arn:aws:events:us-east-1:123456789012:rule/nightly-cleanup'],
  detail: {},
};

export const scheduledJob: Blueprint = {
  id: 'scheduled-job',
  title: 'Scheduled job (EventBridge)',
  description:
    'Runs on a schedule such as rate(1 day) or cron(0 3 * * ? *) through an Amazon EventBridge rule. The event names the rule and the time it fired; nobody waits for the result, so the job logs what it did.',
  runtime: 'nodejs24.x',
  handler: 'index.handler',
  files: [
    {
      path: 'index.mjs',
      content: `// EventBridge invokes this asynchronously when the rule's schedule fires. Use the event's
// time (not the clock) so that a retried invocation does the same work.
const RETENTION_DAYS = 7;

/** @param {import('aws-lambda').ScheduledEvent} event */
export const handler = async (event) => {
  const rule = event.resources?.[0]?.split('/').pop();
  const firedAt = new Date(event.time);
  const cutoff = new Date(firedAt.getTime() - RETENTION_DAYS * 24 * 60 * 60 * 1000);
  console.log(\`Rule \${rule} fired at \${firedAt.toISOString()}\`);
  console.log(\`Removing records older than \${cutoff.toISOString()}\`);
  return { rule, firedAt: firedAt.toISOString(), cutoff: cutoff.toISOString() };
};
`,
    },
  ],
  sampleEvent: {
    name: 'nightly-schedule',
    template: { service: 'cloudwatch', type: 'scheduled-event' },
    content: JSON.stringify(event, null, 2),
  },
};
