// Links to the outside world (lesson sources, links in lesson text and explanations) open only
// when they are https, and only in a new window: in the desktop app through the preload's
// openExternal (the system browser), in browser mode as a new tab. Pure (no DOM).

/** The URL to open, or undefined when it is not a plain https link (javascript:, http:, relative, credentials). */
export function safeExternalUrl(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') return undefined;
  return url.href;
}
