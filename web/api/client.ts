import type { Problem, Session } from './types';

/** Every failed call ends here: the server's problem, or one made up for network trouble. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  /** Field path → message, e.g. { "criteria": "…", "criteria.0.name": "…" }. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[e.path] ??= e.message;
    return out;
  }
}

export interface UploadOptions {
  query?: Record<string, string | number | undefined>;
  contentType?: string;
  /** Called with the share sent so far, 0 to 1. */
  onProgress?(share: number): void;
  signal?: AbortSignal;
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

/**
 * A small fetch wrapper. It holds the CSRF token that every change needs: fetched with the
 * session once, replaced by the one each login hands out, and fetched again (once) when the
 * server says it expired.
 */
export class ApiClient {
  private csrfToken: string | null = null;
  private pendingSession: Promise<Session> | null = null;

  private readonly fetchImpl: typeof fetch;
  private readonly origin: () => string;

  /** fetch and the origin are injectable so the client can be tested outside a browser. */
  constructor(
    private readonly base = '/api',
    options: { fetch?: typeof fetch; origin?: () => string } = {},
  ) {
    this.fetchImpl = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.origin = options.origin ?? (() => window.location.origin);
  }

  /** Who is logged in; also refreshes the CSRF token. */
  session(): Promise<Session> {
    this.pendingSession ??= this.send<Session>('GET', '/auth/session')
      .then((s) => {
        this.csrfToken = s.csrfToken;
        return s;
      })
      .finally(() => {
        this.pendingSession = null;
      });
    return this.pendingSession;
  }

  /** Logs in and keeps the fresh token the server hands out with the new session. */
  async login(email: string, password: string): Promise<Session> {
    const s = await this.request<Session>('POST', '/auth/login', { email, password });
    this.csrfToken = s.csrfToken;
    return s;
  }

  async logout(): Promise<Session> {
    await this.request('POST', '/auth/logout', {});
    return this.session();
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /**
   * Sends a file as the raw request body (XMLHttpRequest, because fetch cannot report upload
   * progress); the CSRF token is handled as for every other change.
   */
  async upload<T>(path: string, file: Blob, options: UploadOptions = {}): Promise<T> {
    if (!this.csrfToken) await this.session();
    try {
      return await this.sendFile<T>(path, file, options);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CSRF_TOKEN_INVALID') {
        await this.session();
        return this.sendFile<T>(path, file, options);
      }
      throw error;
    }
  }

  private sendFile<T>(path: string, file: Blob, options: UploadOptions): Promise<T> {
    const url = new URL(this.base + path, this.origin());
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    return new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.setRequestHeader('content-type', options.contentType ?? (file.type || 'application/octet-stream'));
      if (this.csrfToken) xhr.setRequestHeader('x-csrf-token', this.csrfToken);
      xhr.withCredentials = true;
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) options.onProgress?.(e.loaded / e.total);
      };
      xhr.onload = () => {
        const data = xhr.responseText ? safeJson(xhr.responseText) : undefined;
        if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
        else
          reject(
            new ApiError(
              isProblem(data)
                ? data
                : { type: 'about:blank', title: xhr.statusText || 'Error', status: xhr.status, code: `HTTP_${xhr.status}`, detail: xhr.responseText.slice(0, 300) },
            ),
          );
      };
      xhr.onerror = () => reject(new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'NETWORK', detail: 'The upload did not reach the server.' }));
      options.signal?.addEventListener('abort', () => xhr.abort());
      xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
      xhr.send(file);
    });
  }

  async request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    if (unsafe.has(method) && !this.csrfToken) await this.session();
    try {
      return await this.send<T>(method, path, body, options);
    } catch (error) {
      if (unsafe.has(method) && error instanceof ApiError && error.code === 'CSRF_TOKEN_INVALID') {
        await this.session();
        return this.send<T>(method, path, body, options);
      }
      throw error;
    }
  }

  private async send<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    const url = new URL(this.base + path, this.origin());
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (unsafe.has(method) && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: options.signal,
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'NETWORK', detail: (error as Error).message });
    }
    const text = await response.text();
    const data: unknown = text ? safeJson(text) : undefined;
    if (!response.ok) {
      const problem = isProblem(data)
        ? data
        : { type: 'about:blank', title: response.statusText || 'Error', status: response.status, code: `HTTP_${response.status}`, detail: text.slice(0, 300) };
      throw new ApiError(problem);
    }
    return data as T;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).code === 'string' && typeof (value as Problem).status === 'number';
}

let transport: typeof fetch = (...args) => globalThis.fetch(...args);

/** The server's prerender hands its answers to the pages in-process instead of over the network. */
export function setApiTransport(fetchImpl: typeof fetch): void {
  transport = fetchImpl;
}

export const api = new ApiClient('/api', {
  fetch: (...args) => transport(...args),
  origin: () => (typeof window === 'undefined' ? 'http://prerender.invalid' : window.location.origin),
});
