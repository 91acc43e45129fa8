// Time and identity, injected everywhere so tests and lessons can control them.
import { randomBytes, randomUUID } from 'node:crypto';

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  /** A Lambda request id (UUID v4). */
  requestId(): string;
  /** An execution environment id, also its log stream suffix: 32 hex digits. */
  environmentId(): string;
}

export const systemClock: Clock = { now: () => new Date() };

export const randomIds: IdGenerator = {
  requestId: () => randomUUID(),
  environmentId: () => randomBytes(16).toString('hex'),
};
