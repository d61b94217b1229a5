import type { FieldCondition, IdCondition, QueryValue } from "@experience-users/spec";
import { isoText, toTime } from "../../store/dates.js";
import type { FieldValue } from "../../store/user-fields.js";

/** A field condition compiled once per request, for a field with one value or with several. */
interface CompiledCondition {
  /** Tests a one-valued field (undefined: the field is missing). */
  one(value: FieldValue): boolean;
  /** Tests a many-valued field (group memberships) the MongoDB way, see the README. */
  many(values: readonly string[]): boolean;
}

interface Operand {
  readonly text: string | undefined;
  readonly time: number | undefined;
}

interface Operator {
  readonly test: (value: FieldValue) => boolean;
  readonly negate: boolean;
}

type Present = string | number;

interface Folds {
  /** Applied to the field's values (identity when they come lowercased already). */
  readonly value: (text: string) => string;
  /** Applied to the query's operands. */
  readonly operand: (text: string) => string;
}

function operandOf(raw: QueryValue, fold: Folds): Operand {
  return {
    text: typeof raw === "string" ? fold.operand(raw) : undefined,
    time: typeof raw === "number" ? raw : typeof raw === "string" ? toTime(raw) : undefined,
  };
}

function compare(value: Present, operand: Operand, fold: Folds) {
  if (typeof value === "number") {
    return operand.time === undefined ? undefined : value - operand.time;
  }
  if (operand.text === undefined) return undefined;
  const folded = fold.value(value);
  return folded === operand.text ? 0 : folded < operand.text ? -1 : 1;
}

function operatorOf(name: string, raw: unknown, fold: Folds): Operator {
  const ordered = (accept: (order: number) => boolean, matchesMissing: boolean): Operator => {
    if (raw === null) return { test: (v) => matchesMissing && v === undefined, negate: false };
    const operand = operandOf(raw as QueryValue, fold);
    return {
      test: (v) => {
        const order = v === undefined ? undefined : compare(v, operand, fold);
        return order !== undefined && accept(order);
      },
      negate: false,
    };
  };
  const among = (negate: boolean): Operator => {
    const operands = (raw as QueryValue[]).map((item) => operandOf(item, fold));
    return {
      test: (v) => v !== undefined && operands.some((operand) => compare(v, operand, fold) === 0),
      negate,
    };
  };
  const text = (accept: (value: string, part: string) => boolean): Operator => {
    const part = fold.operand(raw as string);
    return {
      test: (v) =>
        v !== undefined &&
        accept(typeof v === "number" ? fold.operand(isoText(v)) : fold.value(v), part),
      negate: false,
    };
  };
  switch (name) {
    case "$eq":
      return ordered((order) => order === 0, true);
    case "$ne":
      return { ...ordered((order) => order === 0, true), negate: true };
    case "$gt":
      return ordered((order) => order > 0, false);
    case "$gte":
      return ordered((order) => order >= 0, true);
    case "$lt":
      return ordered((order) => order < 0, false);
    case "$lte":
      return ordered((order) => order <= 0, true);
    case "$in":
      return among(false);
    case "$nin":
      return among(true);
    case "$startsWith":
      return text((value, part) => value.startsWith(part));
    case "$endsWith":
      return text((value, part) => value.endsWith(part));
    case "$contains":
      return text((value, part) => value.includes(part));
    default:
      throw new Error(`unknown query operator ${name}`);
  }
}

const identity = (text: string) => text;
const lower = (text: string) => text.toLowerCase();

/** Whether a condition asks for case-insensitive string comparisons (`$ci: true`). */
export function isCaseInsensitive(condition: FieldCondition | IdCondition): boolean {
  return typeof condition === "object" && condition !== null && "$ci" in condition
    ? condition.$ci === true
    : false;
}

/**
 * Compiles a plain value (equality; null: missing) or an operator object. Strings compare as
 * strings (`$ci`: case-insensitively), dates (stored as times) against a date string or epoch
 * milliseconds, and values of another type never compare. `ids` makes the comparison
 * case-insensitive, as hexadecimal ids are; `lowerCaseValues` says the field's values come
 * lowercased already.
 */
export function compileCondition(
  condition: FieldCondition | IdCondition,
  options: { ids: boolean; lowerCaseValues?: boolean },
): CompiledCondition {
  const entries: [string, unknown][] =
    typeof condition === "object" && condition !== null
      ? Object.entries(condition)
      : [["$eq", condition]];
  const caseInsensitive = options.ids || isCaseInsensitive(condition);
  const fold: Folds = {
    operand: caseInsensitive ? lower : identity,
    value: caseInsensitive && !options.lowerCaseValues ? lower : identity,
  };
  const operators = entries
    .filter(([name]) => name !== "$ci")
    .map(([name, raw]) => operatorOf(name, raw, fold));
  return {
    one: (value) => {
      for (const op of operators) if (op.test(value) === op.negate) return false;
      return true;
    },
    many: (values) =>
      operators.every(
        (op) => (values.length === 0 ? op.test(undefined) : values.some(op.test)) !== op.negate,
      ),
  };
}
