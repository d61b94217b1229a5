import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** How the server answers the next requests. */
export type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;

/** A local HTTP server whose behaviour each test sets; bound to 127.0.0.1 on a free port. */
export async function startMisbehavingServer() {
  let behaviour: Behaviour = (_req, res) => res.end();
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    req.resume();
    req.on("end", () => behaviour(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set: (next: Behaviour) => {
      behaviour = next;
      requests = 0;
    },
    requests: () => requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
