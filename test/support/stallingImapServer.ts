import { createServer, type Socket } from "node:net";

/**
 * A loopback TCP server that accepts IMAP connections and then stops answering: `silent` never
 * sends the greeting, `greet` greets and then ignores every command. It counts what happened so a
 * test can tell a hanging read from a finished one.
 */
export async function startStallingImap(mode: "silent" | "greet") {
  const sockets = new Set<Socket>();
  let accepted = 0;
  let commands = 0;
  const server = createServer((s) => {
    accepted++;
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => undefined);
    s.on("data", () => commands++);
    if (mode === "greet") s.write("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n");
  });
  const port = await new Promise<number>((r) =>
    server.listen(0, "127.0.0.1", () => r((server.address() as { port: number }).port)),
  );
  return {
    port,
    accepted: () => accepted,
    open: () => sockets.size,
    commands: () => commands,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
