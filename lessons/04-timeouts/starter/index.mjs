// Processes a batch of records. Each record takes about 300 ms (calling an API, transforming
// the data …), simulated here with a timer.
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function processRecord(id) {
  await wait(300);
  return `record-${id}-done`;
}

export const handler = async (event) => {
  const done = [];
  for (const id of event.ids ?? []) {
    done.push(await processRecord(id));
  }
  return { done };
};
