import { z } from 'zod';
import { FunctionName } from './functions.ts';
import { SYNC_PAYLOAD_BYTES, TEST_EVENT_NAME_MAX } from './limits.ts';

/** The Lambda console's rule for test event names. */
export const TestEventName = z
  .string()
  .min(1, 'Event name must not be empty')
  .max(TEST_EVENT_NAME_MAX, `Event name must be at most ${TEST_EVENT_NAME_MAX} characters`)
  .regex(/^[A-Za-z0-9._-]+$/, 'Event name may contain only letters, digits, dots (.), hyphens (-) and underscores (_)');
export type TestEventName = z.infer<typeof TestEventName>;

/** The event as JSON text, kept exactly as typed (formatting and key order included). */
export const TestEventContent = z.string().max(SYNC_PAYLOAD_BYTES, `An event must be smaller than ${SYNC_PAYLOAD_BYTES} bytes (the synchronous invoke limit)`);

/** A saved test event of one function. A function may have any number of them. */
export const TestEvent = z.object({
  functionName: FunctionName,
  name: TestEventName,
  content: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TestEvent = z.infer<typeof TestEvent>;
