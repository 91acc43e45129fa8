// Adds up an order. The event looks like:
//   { "items": [ { "price": 2.5, "qty": 2 }, { "price": 1, "qty": 3 } ] }
export const handler = async (event) => {
  const total = event.items.reduce((sum, item) => sum + item.price * item.qty, 0);
  return { total };
};
