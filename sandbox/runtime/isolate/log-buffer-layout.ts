// Layout of the shared log buffer that the isolate writes and the runner reads.
// Shared memory (not host callbacks) carries log lines out of the isolate: writing costs no
// thread hop, the size bound is the buffer itself, and the lines written before a timeout or
// an out-of-memory kill survive the isolate's disposal.
export const LOG_HEADER_INTS = 4;
export const LOG_HEADER_BYTES = LOG_HEADER_INTS * 4;
/** Int32 index: bytes of log text written after the header. */
export const LOG_WRITE_OFFSET = 0;
/** Int32 index: bytes dropped because the buffer was full. */
export const LOG_DROPPED_BYTES = 1;
/** Int32 index: log events dropped because the buffer was full. */
export const LOG_DROPPED_EVENTS = 2;
/** Log output kept per invocation (CloudWatch itself caps one event at 256 KB). */
export const LOG_BUFFER_BYTES = 1024 * 1024;
/** Longest single log event; longer ones are cut, as CloudWatch Logs cuts events over 256 KB. */
export const MAX_LOG_EVENT_BYTES = 256 * 1024;
