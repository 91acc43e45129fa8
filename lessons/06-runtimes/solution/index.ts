// TypeScript: types for the event and the result. On AWS you compile this to JavaScript before
// deploying (esbuild, tsc, `sam build`); the lab compiles it for you when the function starts.
import { greeting } from './lib/greeting';

interface GreetingEvent {
  name?: string;
}

interface GreetingResult {
  message: string;
}

export const handler = async (event: GreetingEvent): Promise<GreetingResult> => {
  return { message: greeting(event.name ?? 'world') };
};
