// The root: without an engine token there is nothing to talk to, so say how to open the lab.
import { useMemo, useState } from 'react';
import { connectToLab } from '../api/client.ts';
import { forgetEngineToken } from '../api/token.ts';
import { LabProvider } from './LabContext.tsx';
import { MissingToken } from './MissingToken.tsx';
import { ToastProvider } from '../ui/Toasts.tsx';
import { Workspace } from './Workspace.tsx';

export function App({ token, baseUrl }: { token: string | undefined; baseUrl: string }) {
  const [rejected, setRejected] = useState(false);
  const connection = useMemo(
    () =>
      token === undefined
        ? undefined
        : connectToLab(baseUrl, token, {
            onError: (error) => {
              if (error.code !== 'unauthorized') return;
              forgetEngineToken();
              setRejected(true);
            },
          }),
    [baseUrl, token],
  );

  if (connection === undefined || rejected) return <MissingToken rejected={rejected} />;
  return (
    <LabProvider connection={connection}>
      <ToastProvider>
        <Workspace />
      </ToastProvider>
    </LabProvider>
  );
}
