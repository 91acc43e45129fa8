// The SAM CLI's sample event templates (resources/sam-events, Apache-2.0, see its NOTICE): the
// index `event-mapping.json` and one JSON template per event type, read once from a folder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const ChildTag = z.object({
  type: z.string().optional(),
  hashing: z.literal('md5'),
});

const Tag = z.object({
  type: z.enum(['string', 'dict']).optional(),
  default: z.string(),
  encoding: z.enum(['base64', 'url']).optional(),
  hashing: z.literal('md5').optional(),
  children: z.record(z.string(), ChildTag).optional(),
});
export type SamTag = z.infer<typeof Tag>;

const EventType = z.object({
  filename: z.string().regex(/^[A-Za-z0-9_-]+$/),
  help: z.string(),
  tags: z.record(z.string(), Tag),
});
export type SamEventType = z.infer<typeof EventType>;

export const EventMapping = z.record(z.string().regex(/^[a-z0-9-]+$/), z.record(z.string(), EventType));
export type EventMapping = z.infer<typeof EventMapping>;

/** Where the templates come from: the index, and a template's text by service and file name. */
export interface SamEventCatalog {
  readonly mapping: EventMapping;
  /** The template's JSON text (`events/<service>/<filename>.json`). */
  template(service: string, filename: string): string;
}

/** Reads the catalog from a folder laid out like the SAM CLI's `generated_sample_events`. */
export function loadSamEventCatalog(dir: string): SamEventCatalog {
  let mapping: EventMapping;
  try {
    mapping = EventMapping.parse(JSON.parse(readFileSync(join(dir, 'event-mapping.json'), 'utf8')));
  } catch (e) {
    throw new Error(`Lambda Lab could not read the SAM event templates in ${dir}: ${(e as Error).message}`, { cause: e });
  }
  const cache = new Map<string, string>();
  return {
    mapping,
    template(service, filename) {
      const path = join(dir, 'events', service, `${filename}.json`);
      let text = cache.get(path);
      if (text === undefined) {
        text = readFileSync(path, 'utf8');
        cache.set(path, text);
      }
      return text;
    },
  };
}
