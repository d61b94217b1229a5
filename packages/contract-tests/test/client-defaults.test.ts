import { DEFAULT_BASE_URL } from "@experience-users/client";
import { serverUrl } from "@experience-users/spec";
import { describe, expect, it } from "vitest";

// The client keeps its default as a constant (reading the spec's document would put the whole
// document into every browser bundle); this keeps the constant equal to the spec's server.
describe("the client's defaults", () => {
  it("calls the spec's server unless told otherwise", () => {
    expect(DEFAULT_BASE_URL).toBe(serverUrl);
  });
});
