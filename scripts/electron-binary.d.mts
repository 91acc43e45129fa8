/** The Electron binary's path, or undefined when none is installed (see electron-binary.mjs). */
export function electronBinary(options?: { download?: boolean }): string | undefined;
