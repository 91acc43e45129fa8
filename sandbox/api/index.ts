export * from './contract.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './functions.ts';
export * from './invocations.ts';
export * from './limits.ts';
