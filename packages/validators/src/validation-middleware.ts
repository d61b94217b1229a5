import { type OperationId, operations } from "@experience-users/spec";
// The package's own entry, not its modules: the build bundles each entry, and this keeps one copy
// of the validators whether a consumer imports the middleware, the validators, or both.
import { requestValidators, responseValidators, ValidationError, type Validator } from "./index.js";

/** What openapi-fetch hands a middleware (only the parts this one reads). */
interface MiddlewareContext {
  request: Request;
  readonly schemaPath: string;
  readonly params: {
    query?: Record<string, unknown>;
    header?: Record<string, unknown>;
    path?: Record<string, unknown>;
  };
}

/** Options of {@link validationMiddleware}. */
export interface ValidationMiddlewareOptions {
  /** Validate each request (path, query, header, body) before it is sent. Default true. */
  request?: boolean;
  /** Validate each answer's body against the documented response of its status. Default true. */
  response?: boolean;
}

/** An openapi-fetch middleware (pass it in the client's `middleware` option). */
export interface ValidationMiddleware {
  onRequest(context: MiddlewareContext): Promise<undefined>;
  onResponse(context: MiddlewareContext & { response: Response }): Promise<undefined>;
}

const byRoute = new Map<string, OperationId>(
  Object.values(operations).map((op) => [
    `${op.method.toUpperCase()} ${op.path}`,
    op.operationId as OperationId,
  ]),
);

/**
 * Opt-in validation for the Experience Users client: throws a {@link ValidationError} when a
 * request breaks the spec, or when an answer's status is undocumented or its body does not match
 * the documented schema. Calls to paths outside the spec pass through untouched.
 *
 * @example
 * const client = createClient({ token, middleware: [validationMiddleware()] });
 */
export function validationMiddleware(
  options: ValidationMiddlewareOptions = {},
): ValidationMiddleware {
  const checkRequest = options.request ?? true;
  const checkResponse = options.response ?? true;
  return {
    async onRequest({ request, schemaPath, params }) {
      const operationId = byRoute.get(`${request.method} ${schemaPath}`);
      if (!checkRequest || !operationId) return undefined;
      const value: Record<string, unknown> = { path: params.path ?? {} };
      for (const where of ["query", "header"] as const) {
        const defined = definedEntries(params[where]);
        if (defined) value[where] = defined;
      }
      if (operations[operationId].requestBody) value.body = await readJson(request.clone());
      requestValidators[operationId].assert(value);
      return undefined;
    },
    async onResponse({ request, response, schemaPath }) {
      const operationId = byRoute.get(`${request.method} ${schemaPath}`);
      if (!checkResponse || !operationId) return undefined;
      const validators: Record<number, Validator<unknown>> = responseValidators[operationId];
      const validator = validators[response.status];
      if (!validator) {
        throw new ValidationError(`${operationId} response`, [
          {
            instancePath: "",
            schemaPath: "#/responses",
            keyword: "status",
            params: { status: response.status },
            message: `status ${response.status} is not documented`,
          },
        ]);
      }
      const issues = validator.validate(await readJson(response.clone()));
      if (issues.length > 0) throw new ValidationError(validator.name, issues);
      return undefined;
    },
  };
}

function definedEntries(
  values: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!values) return undefined;
  const entries = Object.entries(values).filter(([, v]) => v !== undefined);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

async function readJson(message: Request | Response): Promise<unknown> {
  const text = await message.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
