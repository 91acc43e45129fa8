// Processes a batch of records. Each record takes about 300 ms (calling an API, transforming
// the data …), simulated here with a timer.
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function processRecord(id) {
  await wait(300);
  return `record-${id}-done`;
}

// Stop while there is still time for one more record plus a margin, and hand back what is left.
// The caller (a loop in Step Functions, a queue, or you) invokes again with the remaining ids.
const SAFETY_MARGIN_MS = 500;

export const handler = async (event, context) => {
  const ids = event.ids ?? [];
  const done = [];
  let next = 0;
  while (next < ids.length && context.getRemainingTimeInMillis() > SAFETY_MARGIN_MS) {
    done.push(await processRecord(ids[next]));
    next += 1;
  }
  return { done, remaining: ids.slice(next) };
};
