// Creating functions (blank, from files, from a blueprint) and moving them in and out of the lab
// as .zip files or AWS SAM projects.
import {
  FunctionDescription, LabError, type BlueprintId, type FunctionArchive, type FunctionArchiveFormat, type FunctionConfigChanges,
  type FunctionDetail, type FunctionFile, type ImportedFunction,
} from '../api/index.ts';
import type { Store } from '../store/index.ts';
import { findBlueprint } from './blueprints/index.ts';
import type { Clock } from './clock.ts';
import { functionZip, readFunctionArchive, samProjectZip } from './function-archive.ts';
import type { LambdaService } from './lambda-service.ts';
import { HELLO_FUNCTION } from './seed.ts';

export interface FunctionWorkspaceDeps {
  lambda: LambdaService;
  store: Store;
  clock: Clock;
}

export interface CreateFunctionRequest {
  name: string;
  description?: string | undefined;
  config: FunctionConfigChanges;
  files?: readonly FunctionFile[] | undefined;
  blueprint?: BlueprintId | undefined;
}

export class FunctionWorkspace {
  constructor(private readonly deps: FunctionWorkspaceDeps) {}

  /** From files, from a blueprint (its sample event becomes a saved test event), or blank (the console's starter code). */
  create(req: CreateFunctionRequest): FunctionDetail {
    const { lambda, store } = this.deps;
    if (req.files !== undefined && req.blueprint !== undefined) {
      throw new LabError('bad-request', 'Give the function files or a blueprint, not both');
    }
    if (req.blueprint === undefined) {
      return lambda.createFunction(req.name, req.description ?? '', req.config, req.files ?? HELLO_FUNCTION.files);
    }
    const blueprint = findBlueprint(req.blueprint);
    if (blueprint === undefined) throw new LabError('not-found', `No blueprint ${req.blueprint}`);
    return store.transaction(() => {
      lambda.createFunction(req.name, req.description ?? blueprint.title, { runtime: blueprint.runtime, handler: blueprint.handler, ...req.config }, blueprint.files);
      store.testEvents.save(req.name, blueprint.sampleEvent.name, blueprint.sampleEvent.content);
      return lambda.getFunction(req.name);
    });
  }

  /** `zip`: the files at the zip root (`<name>.zip`); `sam`: template.yaml + src/<name>/ (`<name>-sam.zip`). */
  export(name: string, format: FunctionArchiveFormat): FunctionArchive {
    const fn = this.deps.lambda.getFunction(name);
    const bytes = format === 'zip' ? functionZip(fn, this.deps.clock.now()) : samProjectZip(fn, this.deps.clock.now());
    return { fileName: format === 'zip' ? `${name}.zip` : `${name}-sam.zip`, base64: Buffer.from(bytes).toString('base64') };
  }

  /** Creates a function from a .zip or a SAM project zip (base64, or a `data:` URL). */
  import(fileName: string, base64: string, name?: string): ImportedFunction {
    const bytes = decodeBase64(fileName, base64);
    const read = readFunctionArchive(fileName, bytes);
    const finalName = name ?? read.name;
    if (finalName === undefined) {
      throw new LabError('bad-request', `${fileName} does not give the function a valid name (1–64 letters, digits, hyphens, underscores): give one`);
    }
    const warnings = [...read.warnings];
    let description = read.description ?? '';
    if (!FunctionDescription.safeParse(description).success) {
      description = description.slice(0, 256);
      warnings.push('The description was longer than 256 characters and was shortened.');
    }
    try {
      const fn = this.deps.lambda.createFunction(finalName, description, read.config, read.files);
      return { ...fn, warnings };
    } catch (e) {
      if (e instanceof LabError && e.code === 'conflict') {
        throw new LabError('conflict', `A function named ${finalName} already exists: import ${fileName} under another name`, { name: finalName });
      }
      throw e;
    }
  }
}

function decodeBase64(fileName: string, text: string): Uint8Array {
  const body = text.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 === 1) {
    throw new LabError('bad-request', `The content of ${fileName} is not valid base64`);
  }
  return new Uint8Array(Buffer.from(body, 'base64'));
}
