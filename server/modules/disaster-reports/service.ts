/**
 * 灾情报送, the reports' side (PLAN-17 point 5): drafts, 签发, sending through the outbox, the 快报表
 * CSV and photos. Other modules use these through this file only.
 */
export { figuresCsv, figuresHeader } from './csv';
export { draftDisasterText, draftTitle, totalsSentence } from './drafts';
export { addPhoto, listPhotos, sniffImage } from './photos';
export { reportRows, toReport } from './send';
