// Snippets for Lambda handlers: type `lambda` in a .js/.mjs/.ts file to see them. The JavaScript
// ones carry JSDoc types from @types/aws-lambda, so the event completes field by field.
import type * as Monaco from 'monaco-editor/editor';

interface HandlerSnippet {
  label: string;
  detail: string;
  /** The event and result types from @types/aws-lambda. */
  event: string;
  result?: string;
  body: string;
}

const HANDLERS: HandlerSnippet[] = [
  {
    label: 'lambda-handler',
    detail: 'Async handler (any event)',
    event: 'unknown',
    body: "console.log('event', JSON.stringify(event));\n${0}\nreturn { ok: true };",
  },
  {
    label: 'lambda-api-gateway',
    detail: 'API Gateway (REST, proxy integration) handler',
    event: 'APIGatewayProxyEvent',
    result: 'APIGatewayProxyResult',
    body: "const name = event.queryStringParameters?.name ?? 'world';\n${0}\nreturn {\n\tstatusCode: 200,\n\theaders: { 'Content-Type': 'application/json' },\n\tbody: JSON.stringify({ message: `Hello, \\${name}!` }),\n};",
  },
  {
    label: 'lambda-s3',
    detail: 'S3 event notification handler',
    event: 'S3Event',
    body: "for (const record of event.Records) {\n\tconst bucket = record.s3.bucket.name;\n\tconst key = decodeURIComponent(record.s3.object.key.replace(/\\+/g, ' '));\n\tconsole.log(`\\${record.eventName}: s3://\\${bucket}/\\${key}`);\n\t${0}\n}",
  },
  {
    label: 'lambda-sqs-batch',
    detail: 'SQS batch handler with partial failures (batchItemFailures)',
    event: 'SQSEvent',
    result: 'SQSBatchResponse',
    body: "const batchItemFailures = [];\nfor (const record of event.Records) {\n\ttry {\n\t\tconst message = JSON.parse(record.body);\n\t\t${0}\n\t} catch (err) {\n\t\tconsole.error(`Message \\${record.messageId} failed`, err);\n\t\tbatchItemFailures.push({ itemIdentifier: record.messageId });\n\t}\n}\nreturn { batchItemFailures };",
  },
  {
    label: 'lambda-scheduled',
    detail: 'EventBridge scheduled job',
    event: 'ScheduledEvent',
    body: "const firedAt = new Date(event.time);\nconsole.log(`Rule \\${event.resources[0]} fired at \\${firedAt.toISOString()}`);\n${0}",
  },
];

const EXTRAS: { label: string; detail: string; body: string }[] = [
  { label: 'lambda-log-json', detail: 'Structured log line (JSON)', body: "console.log(JSON.stringify({ level: '${1:INFO}', message: '${2:message}', ${0} }));" },
  { label: 'lambda-remaining-time', detail: 'Time left before the timeout', body: "const remainingMs = context.getRemainingTimeInMillis();\n${0}" },
  { label: 'lambda-env', detail: 'Read an environment variable', body: "const ${1:TABLE_NAME} = process.env.${1:TABLE_NAME} ?? '${2:default}';" },
  {
    label: 'lambda-parse-body',
    detail: 'Parse a JSON request body safely',
    body: "let body;\ntry {\n\tbody = JSON.parse(event.body ?? '{}');\n} catch {\n\treturn { statusCode: 400, body: JSON.stringify({ message: 'The body is not valid JSON' }) };\n}\n${0}",
  },
  { label: 'lambda-init-once', detail: 'Top-level code: runs once per execution environment (INIT)', body: "// Runs once per execution environment (cold start), then is reused by warm invocations.\nconst ${1:cache} = new Map();\n${0}" },
];

function handlerSnippet(s: HandlerSnippet, language: 'javascript' | 'typescript'): string {
  if (language === 'typescript') {
    const types = ['Context', ...(s.event === 'unknown' ? [] : [s.event]), ...(s.result !== undefined ? [s.result] : [])].sort();
    const result = s.result ?? (s.event === 'unknown' ? 'unknown' : 'void');
    return `import type { ${types.join(', ')} } from 'aws-lambda';\n\nexport const handler = async (event: ${s.event}, context: Context): Promise<${result}> => {\n\t${indent(s.body)}\n};\n`;
  }
  const returns = s.result !== undefined ? `\n * @returns {Promise<import('aws-lambda').${s.result}>}` : '';
  const eventType = s.event === 'unknown' ? 'any' : `import('aws-lambda').${s.event}`;
  return `/**\n * @param {${eventType}} event\n * @param {import('aws-lambda').Context} context${returns}\n */\nexport const handler = async (event, context) => {\n\t${indent(s.body)}\n};\n`;
}

const indent = (body: string): string => body.split('\n').join('\n\t');

export function registerLambdaSnippets(monaco: typeof Monaco): void {
  for (const language of ['javascript', 'typescript'] as const) {
    monaco.languages.registerCompletionItemProvider(language, {
      provideCompletionItems(model, position) {
        const word = model.getWordUntilPosition(position);
        const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
        const suggestions: Monaco.languages.CompletionItem[] = [
          ...HANDLERS.map((s) => ({ label: s.label, detail: s.detail, insertText: handlerSnippet(s, language) })),
          ...EXTRAS.map((s) => ({ label: s.label, detail: s.detail, insertText: s.body })),
        ].map((s) => ({
          ...s,
          kind: monaco.languages.CompletionItemKind.Snippet,
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
          documentation: { value: `Lambda Lab snippet: ${s.detail}.\n\n\`\`\`${language}\n${s.insertText.replace(/\$\{\d+:?([^}]*)\}/g, '$1')}\n\`\`\`` },
          range,
        }));
        return { suggestions };
      },
    });
  }
}
