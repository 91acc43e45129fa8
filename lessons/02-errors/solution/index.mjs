// Adds up an order. The event looks like:
//   { "items": [ { "price": 2.5, "qty": 2 }, { "price": 1, "qty": 3 } ] }

// The error's `name` becomes the errorType of the invocation's error response.
class ValidationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ValidationError';
  }
}

export const handler = async (event) => {
  if (!Array.isArray(event.items)) {
    throw new ValidationError('The order has no items: send { "items": [ { "price": 2.5, "qty": 2 } ] }');
  }
  const total = event.items.reduce((sum, item) => sum + item.price * item.qty, 0);
  return { total };
};
