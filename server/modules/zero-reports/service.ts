/**
 * Zero reports (零报告, DESIGN §2.7), the module's front door: the district asks a set of units for
 * a daily report by a local cut-off over a range of dates (until ended); each unit files figures or
 * "无新增" in one tap; the scanner reminds the unfiled before the cut-off and raises each miss once
 * strictly after it. "Today" is the local date in the bureau's zone; a cut-off '08:00' is that
 * wall-clock instant in the zone on each date. The same tool serves warnings, active responses,
 * 重点时段 (key periods of the official calendar) and disasters.
 */

export { cutoffInstant } from './dates';
export { fileZeroReport } from './filings';
export { endLinkedZeroRequests } from './linked-end';
export { createRequest, endRequest } from './requests';
export { raiseZeroMisses, raiseZeroReminders } from './timers';
export type { ZeroCaller } from './types';
export { listRequests, myAsks, requestView } from './views';
