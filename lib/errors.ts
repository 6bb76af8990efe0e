// Expected failures, with a code, a message a person can act on, and an HTTP status. They are
// mapped to the UI (server actions) and to JSON (route handlers) in one place each.
export type TAppErrorCode =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "conflict"
  | "rate_limited"
  | "too_large"
  | "unavailable";

const HTTP_STATUS: Record<TAppErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 422,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  unavailable: 503,
};

export class AppError extends Error {
  readonly code: TAppErrorCode;
  constructor(code: TAppErrorCode, message: string) {
    super(message);
    this.name = "AppError";
    this.code = code;
  }
  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

export function errorResponse(error: AppError): Response {
  return Response.json({ error: { code: error.code, message: error.message } }, { status: error.httpStatus });
}
