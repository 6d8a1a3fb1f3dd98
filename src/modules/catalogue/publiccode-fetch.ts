/** Larger than any real publiccode.yml by far; stops a hostile address from filling memory. */
const MAX_BYTES = 512 * 1024;

export type FetchResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Reads a publiccode.yml over HTTP within a deadline covering connect, headers and body, so a
 * repository that hangs costs the caller at most `timeoutMs`. Never throws: the reason is for people.
 */
export async function fetchPubliccode(url: string, timeoutMs: number): Promise<FetchResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: 'follow', headers: { accept: 'text/plain, application/x-yaml, */*' } });
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, reason: `the server answered HTTP ${response.status}` };
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_BYTES) {
      await response.body?.cancel();
      return { ok: false, reason: `the file is larger than ${MAX_BYTES / 1024} KiB` };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    if (!reader) return { ok: false, reason: 'the server sent no file' };
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BYTES) {
        await reader.cancel();
        return { ok: false, reason: `the file is larger than ${MAX_BYTES / 1024} KiB` };
      }
      chunks.push(value);
    }
    return { ok: true, text: new TextDecoder('utf-8').decode(Buffer.concat(chunks)) };
  } catch {
    if (controller.signal.aborted) return { ok: false, reason: `no answer within ${Math.round(timeoutMs / 1000)} seconds` };
    return { ok: false, reason: 'the server could not be reached' };
  } finally {
    clearTimeout(timer);
  }
}
