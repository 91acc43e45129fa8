import { z } from 'zod';

/** One placeholder of a SAM event template: a `sam local generate-event <service> <type> --<name>` option. */
export const EventTemplateParameter = z.object({
  /** The option name, as in event-mapping.json (kebab-case, or camelCase like `restApiId`). Use it as the key in `values`. */
  name: z.string(),
  /** The Mustache placeholder it fills in the template (`-` becomes `_`): e.g. `{{{account_id}}}`. */
  placeholder: z.string(),
  /** Used when `values` has no entry for this parameter. */
  default: z.string(),
  /** `dict`: the value is a JSON object text and becomes a JSON object in the event (API Gateway query strings). */
  type: z.enum(['string', 'dict']),
  /** Applied to the value before it is inserted: `base64` (UTF-8), or `url` (percent-encoded, `/` kept, like S3 keys). */
  encoding: z.enum(['base64', 'url']).optional(),
  /** Other placeholders computed from this value, e.g. SQS `md5_of_body` (MD5 hex digest of the body). */
  fills: z.array(z.object({ placeholder: z.string(), hashing: z.literal('md5') })),
  /** A sentence for the form, explaining encoding, hashing or dict values; absent for plain strings. */
  note: z.string().optional(),
});
export type EventTemplateParameter = z.infer<typeof EventTemplateParameter>;

export const EventTemplateInfo = z.object({
  /** e.g. `s3`, `apigateway`, `sqs` (the template's folder). */
  service: z.string(),
  /** e.g. `put`, `aws-proxy`, `receive-message`. */
  type: z.string(),
  /** SAM's one-line help, e.g. "Generates an Amazon S3 Put Event". */
  help: z.string(),
  /** The template file inside resources/sam-events, e.g. `events/s3/S3Put.json`. */
  templateFile: z.string(),
  parameters: z.array(EventTemplateParameter),
  /** Fields that get a fresh id or the current time when rendered with `fresh: true` (paths like `Records[0].eventTime`). */
  freshFields: z.array(z.string()),
});
export type EventTemplateInfo = z.infer<typeof EventTemplateInfo>;

export const RenderedEvent = z.object({
  /** The event as pretty-printed JSON text (2 spaces). */
  content: z.string(),
  /** The fields that were stamped with fresh ids or the current time (empty with `fresh: false`). */
  stamped: z.array(z.string()),
});
export type RenderedEvent = z.infer<typeof RenderedEvent>;
