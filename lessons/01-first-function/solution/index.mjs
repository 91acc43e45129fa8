// Lambda calls `handler` once for every invocation.
//   event   – the JSON the caller sent (in the lab: the test event you invoke with)
//   context – facts about this invocation: its request id, the function's name, the time left
// Whatever the handler returns (or resolves to) becomes the response, serialised as JSON.
export const handler = async (event, context) => {
  const name = event.name ?? 'world';
  // console.log goes to the function's log (CloudWatch Logs on AWS), between START and END.
  console.log(`Greeting ${name}`);
  return {
    message: `Hello, ${name}`,
    // Every invocation has its own request id: quote it when you look for its log lines.
    requestId: context.awsRequestId,
  };
};
