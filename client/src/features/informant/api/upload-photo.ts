import { apiRequest } from '@client/lib/api-client';
import type { DisasterPhoto } from '@shared/schemas/disasters';

/** A photo of the scene, attached to the filing it came with; the bytes as they are. */
export function uploadPhoto(
  disasterId: number,
  filingId: number,
  data: Blob,
  type: string,
): Promise<DisasterPhoto> {
  return apiRequest<DisasterPhoto>('POST', `/disasters/${disasterId}/photos`, {
    query: { filingId },
    bytes: { data, type },
  });
}
