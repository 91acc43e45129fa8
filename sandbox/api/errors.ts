import { z } from 'zod';

/** Every error the engine returns to a client carries one of these codes. */
export const ERROR_CODES = [
  'bad-request', // input failed its schema or could not be parsed
  'unauthorized', // missing or wrong engine token
  'not-found', // the named function, invocation, ... does not exist
  'conflict', // e.g. a function with that name already exists
  'payload-too-large',
  'internal', // a bug in the lab; the message says what was being done
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const LabErrorShape = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
export type LabErrorShape = z.infer<typeof LabErrorShape>;

/** Thrown by engine parts; the host turns it into a typed error response. */
export class LabError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'LabError';
    this.code = code;
    this.details = details;
  }
  toShape(): LabErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
