// Blueprint: a handler written in TypeScript.
import type { Blueprint } from '../../api/index.ts';

export const typescript: Blueprint = {
  id: 'typescript',
  title: 'TypeScript handler',
  description:
    'A handler written in TypeScript, with types for its event and result. The lab compiles .ts files when the function starts (as `sam build` does with esbuild); types help you in the editor and are removed when the code runs.',
  runtime: 'nodejs24.x',
  handler: 'index.handler',
  files: [
    {
      path: 'index.ts',
      content: `// The event and the result have types: the editor checks them, esbuild removes them.
import type { Context } from 'aws-lambda';

interface OrderLine {
  sku: string;
  price: number;
  quantity: number;
}

interface OrderEvent {
  orderId: string;
  lines: OrderLine[];
  coupon?: string;
}

interface OrderTotal {
  orderId: string;
  items: number;
  subtotal: number;
  discount: number;
  total: number;
}

const COUPONS: Record<string, number> = { WELCOME10: 0.1 };

export const handler = async (event: OrderEvent, context: Context): Promise<OrderTotal> => {
  const subtotal = event.lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
  const rate = event.coupon === undefined ? 0 : (COUPONS[event.coupon] ?? 0);
  const discount = round(subtotal * rate);
  const items = event.lines.reduce((n, line) => n + line.quantity, 0);
  console.log(\`order \${event.orderId} priced in request \${context.awsRequestId}\`);
  return { orderId: event.orderId, items, subtotal: round(subtotal), discount, total: round(subtotal - discount) };
};

const round = (n: number): number => Math.round(n * 100) / 100;
`,
    },
  ],
  sampleEvent: {
    name: 'order',
    content: JSON.stringify(
      {
        orderId: 'A-1001',
        lines: [
          { sku: 'BOOK-1', price: 12.5, quantity: 2 },
          { sku: 'PEN-7', price: 1.2, quantity: 5 },
        ],
        coupon: 'WELCOME10',
      },
      null,
      2,
    ),
  },
};
