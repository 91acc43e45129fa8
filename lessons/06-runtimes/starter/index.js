// A greeting service written years ago: CommonJS (require/exports) and a callback handler.
const greeting = (name) => `Hello, ${name}!`;

exports.handler = function (event, context, callback) {
  callback(null, { message: greeting(event.name || 'world') });
};
