// An ES module (.mjs): import/export, and code split over several files.
import { greeting } from './lib/greeting.mjs';

export const handler = async (event) => {
  return { message: greeting(event.name ?? 'world') };
};
