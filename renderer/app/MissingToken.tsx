// Shown instead of the lab when the page was opened without the engine token.
export function MissingToken({ rejected = false }: { rejected?: boolean }) {
  return (
    <main className="full-page-message" aria-labelledby="missing-token-title">
      <h1 id="missing-token-title">Lambda Lab needs its start-up link</h1>
      {rejected && (
        <p role="alert">
          The engine did not accept this page&apos;s link. It has probably restarted since the page was opened, and each
          start prints a new link.
        </p>
      )}
      <p>
        This page talks to the Lambda Lab engine on your computer, and the engine only answers pages opened with the
        secret link it prints when it starts.
      </p>
      <ol>
        <li>
          In a terminal, run <code>lambda-lab serve</code> (<code>npx lambda-lab serve</code> inside the Lambda Lab
          folder), or open the Lambda Lab desktop app.
        </li>
        <li>
          Open the address it prints, which looks like <code>http://127.0.0.1:&lt;port&gt;/?token=&lt;token&gt;</code>.
        </li>
      </ol>
      <p>The link works until the engine stops; after a restart, use the new link it prints.</p>
    </main>
  );
}
