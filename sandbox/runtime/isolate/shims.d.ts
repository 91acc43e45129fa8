declare module 'events' {
  const EventEmitter: unknown;
  export default EventEmitter;
}
