import { CSRF_HEADER } from '@shared/schemas/auth';
import type { ErrorBody } from '@shared/schemas/common';

/** Codes the client itself raises when there is no `{ error }` body to read. */
export const NETWORK_ERROR = 'CLIENT_ERR_NETWORK';
export const BAD_RESPONSE = 'CLIENT_ERR_BAD_RESPONSE';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number | null = null,
    /** The whole error body, for the codes that carry more than `{ error }` (e.g. a failed check). */
    readonly body: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | boolean | undefined>;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

// Kept in memory only, never in storage, so a script-readable copy outlives nothing.
let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a signed-in request is answered 401: the session ended under us. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Auth endpoints answer 401 as an ordinary result, not as "the session ended". */
  expectUnauthorized?: boolean;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key` on intake. */
  headers?: Record<string, string>;
  /** A raw body sent as is (a photo), with its content type, instead of JSON. */
  bytes?: { data: Blob; type: string };
}

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.bytes) headers['content-type'] = options.bytes.type;
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.bytes
        ? options.bytes.data
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : String(cause));
  }

  const data = await readJson(response);
  if (response.ok) return data as T;

  if (response.status === 401 && !options.expectUnauthorized) onUnauthorized?.();
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  if (isErrorBody(data)) {
    throw new ApiError(response.status, data.error.code, data.error.message, retryAfterSeconds, data);
  }
  throw new ApiError(response.status, BAD_RESPONSE, response.statusText, retryAfterSeconds);
}

export function apiGet<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>('GET', path, { query, signal });
}
