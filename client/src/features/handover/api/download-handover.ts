import { ApiError, BAD_RESPONSE, NETWORK_ERROR } from '@client/lib/api-client';

export type HandoverFormat = 'md' | 'pdf';

export interface HandoverFile {
  blob: Blob;
  filename: string;
}

/**
 * The Markdown or PDF export, read as a file rather than followed as a link, so a refusal (503
 * DUTY_ERR_FONT_MISSING when the server has no CJK font) reaches the console as its message.
 */
export async function downloadHandover(id: number, format: HandoverFormat): Promise<HandoverFile> {
  let response: Response;
  try {
    response = await fetch(`/api/handovers/${id}.${format}`, { credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    const code = body?.error?.code ?? BAD_RESPONSE;
    throw new ApiError(response.status, code, body?.error?.message ?? response.statusText, null, body);
  }
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return { blob: await response.blob(), filename: named ?? `handover-${id}.${format}` };
}
