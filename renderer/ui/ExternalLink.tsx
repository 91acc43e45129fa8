// A link that leaves the lab: https only, in a new window (through the desktop bridge when the
// page runs in the desktop app). Anything else is shown as text, never as a link.
import type { MouseEvent, ReactNode } from 'react';
import { safeExternalUrl } from './externalUrl.ts';

function openThroughDesktop(event: MouseEvent<HTMLAnchorElement>, url: string): void {
  const open = window.lambdaLabDesktop?.openExternal;
  if (typeof open !== 'function') return; // browser mode: target=_blank does it
  event.preventDefault();
  void open(url).catch(() => undefined);
}

export function ExternalLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  const url = safeExternalUrl(href);
  if (url === undefined) return <span className={className}>{children}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className={className} onClick={(e) => openThroughDesktop(e, url)}>
      {children}
      <span className="visually-hidden"> (opens in a new window)</span>
    </a>
  );
}
