import { z } from 'zod';
import { FunctionFile, Runtime } from './functions.ts';
import { TestEventName } from './test-events.ts';

export const BLUEPRINT_IDS = ['hello-world', 'api-gateway', 's3-object', 'sqs-batch', 'scheduled-job', 'typescript'] as const;
export const BlueprintId = z.enum(BLUEPRINT_IDS);
export type BlueprintId = z.infer<typeof BlueprintId>;

/** A starting point for a new function: code, settings and a matching test event. */
export const Blueprint = z.object({
  id: BlueprintId,
  title: z.string(),
  /** What the blueprint shows a learner, in a sentence or two. */
  description: z.string(),
  runtime: Runtime,
  handler: z.string(),
  files: z.array(FunctionFile),
  /** Saved as the new function's first test event. */
  sampleEvent: z.object({
    name: TestEventName,
    /** The SAM event template this event follows (for `event-templates:render`), when there is one. */
    template: z.object({ service: z.string(), type: z.string() }).optional(),
    /** JSON text. */
    content: z.string(),
  }),
});
export type Blueprint = z.infer<typeof Blueprint>;
