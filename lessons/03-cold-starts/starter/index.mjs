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

export const handler = async (event) => {
  const db = await connectToDatabase();
  const name = db.users.get(String(event.userId)) ?? 'unknown';
  return { userId: event.userId, name };
};
