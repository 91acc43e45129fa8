// Looks up a user in a "database". Connecting is slow: a TLS handshake, authentication,
// loading a schema … here simulated with a 300 ms timer.
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function connectToDatabase() {
  await wait(300);
  return {
    users: new Map([
      ['1', 'Ada Lovelace'],
      ['2', 'Grace Hopper'],
      ['3', 'Margaret Hamilton'],
    ]),
  };
}

// Module scope runs once per execution environment, in the INIT phase (top-level await is
// allowed in an ES module). Warm invocations reuse the connection – and every other global.
const db = await connectToDatabase();
let invocations = 0;

export const handler = async (event) => {
  invocations += 1;
  const name = db.users.get(String(event.userId)) ?? 'unknown';
  return { userId: event.userId, name, invocationsInThisEnvironment: invocations };
};
