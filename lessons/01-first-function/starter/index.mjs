// Lambda calls `handler` once for every invocation.
//   event   – the JSON the caller sent (in the lab: the test event you invoke with)
//   context – facts about this invocation: its request id, the function's name, the time left
// Whatever the handler returns (or resolves to) becomes the response, serialised as JSON.
export const handler = async (event, context) => {
  return { message: 'Hello, world' };
};
