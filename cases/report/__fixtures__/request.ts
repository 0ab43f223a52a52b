/**
 * The request for the fixture's report: the second half of 2026, made on the first morning of
 * 2027, with action points from the report of the first half.
 */
import config from '../../../klachten.config.ts';
import type { ActionPoint } from '../action-points.ts';
import { halfYear } from '../period.ts';
import { registerRecordOf } from '../../register/record.ts';
import type { ReportRequest } from '../report.ts';
import { fixtureCalendar, fixtureCases } from './cases.ts';

/**
 * The fixture's report request with these action points from the previous (H1) report.
 *
 * @example
 * const { files } = await makeReport(fixtureRequest(actionPointsFromReport(previousReportMarkdown)));
 */
export function fixtureRequest(items: ActionPoint[]): ReportRequest {
  return {
    records: fixtureCases().map((record) => registerRecordOf(record)),
    period: halfYear('2026-H2'),
    config,
    calendar: fixtureCalendar,
    previousActions: { origin: { kind: 'previous-report', period: halfYear('2026-H1') }, items },
    generatedAt: '2027-01-01T06:00:00.000Z',
  };
}
