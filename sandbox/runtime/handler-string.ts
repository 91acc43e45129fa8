// Splitting a handler string the way the Node.js runtime does (RIC UserFunction.js).

export interface HandlerParts {
  /** Directory part, e.g. `src/` for `src/app.handler` (may be empty). */
  moduleRoot: string;
  /** File name without extension, e.g. `app`. */
  moduleName: string;
  /** Export path inside the module, e.g. `handler` or `obj.fn`. */
  handlerName: string;
}

export class MalformedHandlerName extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Runtime.MalformedHandlerName';
  }
}

export function parseHandler(handler: string): HandlerParts {
  if (handler.includes('..')) {
    throw new MalformedHandlerName(
      `'${handler}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`,
    );
  }
  const slash = handler.lastIndexOf('/');
  const base = handler.slice(slash + 1);
  const moduleRoot = handler.slice(0, handler.indexOf(base));
  const match = /^([^.]*)\.(.*)$/.exec(base);
  if (match === null) throw new MalformedHandlerName('Bad handler');
  return { moduleRoot, moduleName: match[1] as string, handlerName: match[2] as string };
}
