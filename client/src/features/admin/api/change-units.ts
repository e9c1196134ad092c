import { apiRequest } from '@client/lib/api-client';
import type { ImportedUnits, Unit, UpdateUnitBody } from '@shared/schemas/units';

export function importUnits(csv: string): Promise<ImportedUnits> {
  return apiRequest<ImportedUnits>('POST', '/units/import', { body: { csv } });
}

export function updateUnit(id: number, body: UpdateUnitBody): Promise<Unit> {
  return apiRequest<Unit>('PATCH', `/units/${id}`, { body });
}
