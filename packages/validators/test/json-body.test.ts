import { bodyMediaTypeProblem, parseJsonBody } from "@experience-users/validators";
import { describe, expect, it } from "vitest";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("bodyMediaTypeProblem", () => {
  it.each([
    { description: "application/json", contentType: "application/json", expected: undefined },
    {
      description: "JSON with a charset, in capitals",
      contentType: "Application/JSON; charset=utf-8",
      expected: undefined,
    },
    {
      description: "a +json type",
      contentType: "application/merge-patch+json",
      expected: undefined,
    },
    { description: "no Content-Type", contentType: null, expected: undefined },
    { description: "text/plain", contentType: "text/plain", expected: 415 },
    { description: "a form", contentType: "application/x-www-form-urlencoded", expected: 415 },
  ])("$description: $expected", ({ contentType, expected }) => {
    expect(bodyMediaTypeProblem(contentType)?.status).toBe(expected);
  });
});

describe("parseJsonBody", () => {
  it.each([
    {
      description: "a JSON object",
      contentType: "application/json",
      body: bytes('{"a":[1]}'),
      expected: { value: { a: [1] } },
    },
    {
      description: "no bytes: no body",
      contentType: "application/json",
      body: bytes(""),
      expected: { value: undefined },
    },
    {
      description: "no bytes and no Content-Type: no body",
      contentType: undefined,
      body: bytes(""),
      expected: { value: undefined },
    },
    {
      description: "bytes without a Content-Type",
      contentType: undefined,
      body: bytes("{}"),
      expected: {
        problem: {
          status: 415,
          type: "UnsupportedMediaType",
          message: "Content-Type must be application/json",
        },
      },
    },
    {
      description: "text that is not JSON",
      contentType: "application/json",
      body: bytes("not json{"),
      expected: {
        problem: { status: 400, type: "BadRequest", message: "Request body is not valid JSON" },
      },
    },
    {
      description: "bytes that are not UTF-8",
      contentType: "application/json",
      body: new Uint8Array([0x22, 0xff, 0x22]),
      expected: {
        problem: { status: 400, type: "BadRequest", message: "Request body is not valid UTF-8" },
      },
    },
    {
      description: "JSON declared as text/plain",
      contentType: "text/plain",
      body: bytes("{}"),
      expected: {
        problem: {
          status: 415,
          type: "UnsupportedMediaType",
          message: "Content-Type must be application/json",
        },
      },
    },
  ])("$description", ({ contentType, body, expected }) => {
    expect(parseJsonBody(contentType, body)).toEqual(expected);
  });
});
