// Looks up the price of a product. Asking the pricing system takes about 100 ms (simulated).
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const handler = async (event) => {
  await wait(100);
  return { sku: event.sku ?? 'unknown', priceUsd: 19.99 };
};
