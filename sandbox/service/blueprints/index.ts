// The blueprints a new function can start from: one module each, listed in the order the UI shows them.
import type { Blueprint, BlueprintId } from '../../api/index.ts';
import { apiGateway } from './api-gateway.ts';
import { helloWorld } from './hello-world.ts';
import { s3Object } from './s3-object.ts';
import { scheduledJob } from './scheduled-job.ts';
import { sqsBatch } from './sqs-batch.ts';
import { typescript } from './typescript.ts';

export const BLUEPRINTS: readonly Blueprint[] = [helloWorld, apiGateway, s3Object, sqsBatch, scheduledJob, typescript];

export function findBlueprint(id: BlueprintId): Blueprint | undefined {
  return BLUEPRINTS.find((b) => b.id === id);
}
