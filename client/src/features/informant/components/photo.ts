/** What the server takes (magic bytes checked there too). */
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];
/** A photo already this small goes as it is; a larger one is scaled down for the bureau's network. */
const KEEP_AS_IS_BYTES = 400_000;
const MAX_SIDE = 1600;
const MAX_BYTES = 5 * 1024 * 1024;

export class PhotoProblem extends Error {
  constructor(
    readonly kind: 'type' | 'size',
    readonly sizeMb = 0,
  ) {
    super(kind);
  }
}

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

async function scaledJpeg(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode'))), 'image/jpeg', 0.8),
  );
}

/** The picked photo, ready to keep on the phone and to send: small ones as they are, others as a scaled JPEG. */
export async function preparePhoto(file: File): Promise<{ dataUrl: string; type: string }> {
  if (ACCEPTED.includes(file.type) && file.size <= KEEP_AS_IS_BYTES) {
    return { dataUrl: await readAsDataUrl(file), type: file.type };
  }
  try {
    const jpeg = await scaledJpeg(file);
    return { dataUrl: await readAsDataUrl(jpeg), type: 'image/jpeg' };
  } catch {
    // Not decodable here (an unusual format): sent as it is if the server takes it.
    if (!ACCEPTED.includes(file.type)) throw new PhotoProblem('type');
    if (file.size > MAX_BYTES) throw new PhotoProblem('size', Math.round((file.size / 1048576) * 10) / 10);
    return { dataUrl: await readAsDataUrl(file), type: file.type };
  }
}

/** The kept photo's bytes again, for the upload (no fetch of a data: URL: the CSP allows none). */
export function photoBytes(photo: { dataUrl: string; type: string }): Blob {
  const base64 = photo.dataUrl.slice(photo.dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: photo.type });
}
