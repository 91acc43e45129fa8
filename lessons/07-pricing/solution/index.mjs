// Looks up the price of a product. Asking the pricing system takes about 100 ms (simulated).
//
// The code needs no change in this lesson; the work is reading REPORT lines and doing the sums:
//   GB-seconds = Memory Size (MB) / 1024 × Billed Duration (ms) / 1000
//   cost (x86_64) = requests × $0.20 / 1,000,000 + GB-seconds × $0.0000166667
//   cost (arm64)  = requests × $0.20 / 1,000,000 + GB-seconds × $0.0000133334
//   2019 rules: Billed Duration = Duration rounded UP to the next 100 ms, INIT not billed
//   a month with the free tier: the first 1,000,000 requests and 400,000 GB-seconds are free
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const handler = async (event) => {
  await wait(100);
  return { sku: event.sku ?? 'unknown', priceUsd: 19.99 };
};
