/** Types for make-icon.mjs (used by the tests). */
export function drawIcon(): Buffer;
