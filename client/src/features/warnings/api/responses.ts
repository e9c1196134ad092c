import { apiRequest } from '@client/lib/api-client';
import type {
  Consultation,
  ConsultationInput,
  EmergencyResponse,
  EndBody,
  ResponseLevelChange,
  ResponseStart,
} from '@shared/schemas/warnings';

export function startResponse(body: ResponseStart): Promise<EmergencyResponse> {
  return apiRequest<EmergencyResponse>('POST', '/responses', { body });
}

export function changeResponseLevel(id: number, body: ResponseLevelChange): Promise<EmergencyResponse> {
  return apiRequest<EmergencyResponse>('POST', `/responses/${id}/level`, { body });
}

export function endResponse(id: number, body: EndBody): Promise<EmergencyResponse> {
  return apiRequest<EmergencyResponse>('POST', `/responses/${id}/end`, { body });
}

export function recordConsultation(body: ConsultationInput): Promise<Consultation> {
  return apiRequest<Consultation>('POST', '/consultations', { body });
}
