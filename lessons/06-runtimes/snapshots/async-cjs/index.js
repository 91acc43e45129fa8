// Still CommonJS, but an async handler: its return value is the response.
const greeting = (name) => `Hello, ${name}!`;

exports.handler = async (event) => {
  return { message: greeting(event.name || 'world') };
};
