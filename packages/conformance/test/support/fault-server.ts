import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeServer } from "@experience-users/fake-server";

/** A request the server saw. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorized: boolean;
  /** The JSON body, parsed (undefined when there was none). */
  readonly body: unknown;
}

/** An answer on its way back; a fault may change any of it. */
export interface PassingAnswer {
  status: number;
  contentType: string;
  text: string;
}

/** Changes the fake's answer to one request (or returns it as it is); it may also wait. */
export type Fault = (
  request: SeenRequest,
  answer: PassingAnswer,
  seen: FaultServerState,
) => PassingAnswer | Promise<PassingAnswer>;

/** What the server has seen so far, and the fake behind it. */
export interface FaultServerState {
  readonly fake: FakeServer;
  readonly requests: readonly SeenRequest[];
  /** Ids of the users created through the server. */
  readonly createdIds: ReadonlySet<string>;
}

/** A node:http server in front of a fake, changing its answers with a fault. */
export interface FaultServer extends FaultServerState {
  readonly url: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Serves `fake` over HTTP on a free 127.0.0.1 port, passing every answer through `fault` first.
 * Without a fault it is a plain, recording proxy.
 */
export async function startFaultServer(
  fake: FakeServer,
  fault: Fault = (_request, answer) => answer,
): Promise<FaultServer> {
  const requests: SeenRequest[] = [];
  const createdIds = new Set<string>();
  const state: FaultServerState = { fake, requests, createdIds };
  const server = createServer(async (incoming, outgoing) => {
    outgoing.on("error", () => {});
    const url = new URL(incoming.url ?? "/", "http://fault.local");
    const text = await readBody(incoming);
    const seen: SeenRequest = {
      method: incoming.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      authorized: incoming.headers.authorization !== undefined,
      body: text === "" ? undefined : JSON.parse(text),
    };
    requests.push(seen);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const response = await fake.fetch(
      new Request(`${fake.baseUrl}${url.pathname}${url.search}`, {
        method: seen.method,
        headers,
        ...(text === "" ? {} : { body: text }),
      }),
    );
    const answer: PassingAnswer = {
      status: response.status,
      contentType: response.headers.get("content-type") ?? "",
      text: await response.text(),
    };
    if (seen.method === "POST" && answer.status === 201) {
      createdIds.add((JSON.parse(answer.text) as { id: string }).id);
    }
    const changed = await fault(seen, answer, state);
    if (outgoing.destroyed) return;
    outgoing.writeHead(changed.status, { "content-type": changed.contentType });
    outgoing.end(changed.text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    fake,
    requests,
    createdIds,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The answer's JSON body changed by `edit`. */
export function editJson(
  answer: PassingAnswer,
  edit: (body: Record<string, unknown>) => void,
): PassingAnswer {
  const body = JSON.parse(answer.text) as Record<string, unknown>;
  edit(body);
  return { ...answer, text: JSON.stringify(body) };
}
