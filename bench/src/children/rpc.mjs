// The child side of the bench's IPC: answer `{ id, cmd, args }` messages from the orchestrator with
// `{ id, ok, result | error }`, announce readiness once, and exit when the orchestrator goes away.

/** Serves RPC commands over the IPC channel. `handlers[cmd](args)` may return a promise. */
export function serve(handlers) {
  process.on('message', async (message) => {
    if (!message || typeof message.id !== 'number') return;
    const handler = handlers[message.cmd];
    try {
      if (!handler) throw new Error(`unknown command ${message.cmd}`);
      const result = await handler(message.args ?? {});
      process.send({ id: message.id, ok: true, result });
    } catch (error) {
      process.send({ id: message.id, ok: false, error: String(error?.stack ?? error) });
    }
  });
  // The orchestrator died or closed the channel: nothing left to serve.
  process.on('disconnect', () => process.exit(0));
  // Exit normally on SIGTERM so that --cpu-prof can write its profile.
  process.on('SIGTERM', () => process.exit(0));
}

/** Tells the orchestrator this child is listening (and where). */
export function ready(info = {}) {
  process.send({ type: 'ready', ...info });
}
