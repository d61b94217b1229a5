import type { JsonValue } from "../../../packages/spec/src/openapi-document.ts";

interface Style {
  readonly null: string;
  readonly true: string;
  readonly false: string;
  readonly indent: string;
  readonly key: (key: string) => string;
  /** Written after the last entry of a multi-line object or array. */
  readonly trailingComma: string;
}

const javaScript: Style = {
  null: "null",
  true: "true",
  false: "false",
  indent: "  ",
  key: (key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)),
  trailingComma: ",",
};

const python: Style = {
  null: "None",
  true: "True",
  false: "False",
  indent: "    ",
  key: (key) => JSON.stringify(key),
  trailingComma: "",
};

function literal(value: JsonValue, style: Style, indent: string): string {
  if (value === null) return style.null;
  if (value === true) return style.true;
  if (value === false) return style.false;
  if (typeof value === "number" || typeof value === "string") return JSON.stringify(value);
  const inner = indent + style.indent;
  const items = Array.isArray(value)
    ? value.map((v) => literal(v, style, inner))
    : Object.entries(value).map(([k, v]) => `${style.key(k)}: ${literal(v, style, inner)}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (items.length === 0) return open + close;
  return `${open}\n${items.map((item) => inner + item).join(",\n")}${style.trailingComma}\n${indent}${close}`;
}

/** A JSON value as a JavaScript/TypeScript literal: bare keys, two-space indent, trailing commas. */
export function javaScriptLiteral(value: JsonValue): string {
  return literal(value, javaScript, "");
}

/** A JSON value as a Python literal (`None`, `True`, `False`), four-space indent. */
export function pythonLiteral(value: JsonValue): string {
  return literal(value, python, "");
}
