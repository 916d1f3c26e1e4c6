import { Temporal } from 'temporal-polyfill';
import type { ProgrammeReport, ProgrammeSettings, ReportQuery } from '@peerbridge/shared';
import { can, type StaffPrincipal } from '../../domain/access/policy.js';
import { SUPPRESSION_THRESHOLD } from '../../domain/reports/report-suppression.js';
import { buildReportTables, type ReportFigures } from '../../domain/reports/report-tables.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { ReportContext, ReportFilter, ReportScope } from '../../infra/db/programme-report-repository.js';
import { schoolOf } from '../staff/staff-school.js';

export interface ReportFiguresSource {
  context(schoolId: string): Promise<ReportContext | undefined>;
  figures(scope: ReportScope, filter: ReportFilter, referralReasons: readonly string[]): Promise<ReportFigures>;
  yearGroups(scope: ReportScope): Promise<number[]>;
}

export interface ReportSettingsSource {
  forSchool(schoolId: string): Promise<ProgrammeSettings>;
}

/**
 * A coordinator's programme reports: their own school's, and those of the partnerships their school is in.
 * The term is one of the asker's own school's terms, read in the school's zone.
 */
export class ProgrammeReports {
  constructor(private readonly deps: { figures: ReportFiguresSource; settings: ReportSettingsSource; clock: Clock }) {}

  async schoolReport(staff: StaffPrincipal, query: ReportQuery): Promise<ProgrammeReport> {
    const schoolId = schoolOf(staff);
    assertCanReport(staff, [schoolId]);
    const context = await this.contextOf(schoolId);
    return this.build({ kind: 'school', schoolId }, { kind: 'school', id: schoolId, name: context.name }, context, schoolId, query);
  }

  async partnershipReport(staff: StaffPrincipal, partnershipId: string, query: ReportQuery): Promise<ProgrammeReport> {
    const schoolId = schoolOf(staff);
    const context = await this.contextOf(schoolId);
    const partnership = context.partnerships.find((p) => p.id === partnershipId);
    // Another school's partnership is refused as such, the same as one that does not exist would leak nothing.
    assertCanReport(staff, partnership ? [partnership.mentorSchoolId, partnership.menteeSchoolId] : []);
    return this.build({ kind: 'partnership', partnershipId }, { kind: 'partnership', id: partnershipId, name: partnership!.name }, context, schoolId, query);
  }

  private async contextOf(schoolId: string): Promise<ReportContext> {
    const context = await this.deps.figures.context(schoolId);
    if (!context) throw new AppError('not_found', 'That school was not found.');
    return context;
  }

  private async build(scope: ReportScope, named: ProgrammeReport['scope'], context: ReportContext, viewerSchoolId: string, query: ReportQuery): Promise<ProgrammeReport> {
    const term = query.term === undefined ? null : context.terms.find((t) => t.name === query.term);
    if (term === undefined) {
      const names = context.terms.map((t) => t.name).join(', ') || 'none yet';
      throw new AppError('bad_request', `There is no term called "${query.term}" in your school calendar (terms: ${names}).`);
    }
    const now = this.deps.clock.now();
    const filter: ReportFilter = {
      period: term ? periodOf(term, context.timeZone) : null,
      yearGroup: query.yearGroup === undefined ? null : Number(query.yearGroup),
      now: new Date(now.epochMilliseconds),
    };
    const settings = await this.deps.settings.forSchool(viewerSchoolId);
    const [figures, yearGroups] = await Promise.all([this.deps.figures.figures(scope, filter, settings.referralReasons), this.deps.figures.yearGroups(scope)]);
    return {
      scope: named,
      filters: { term, yearGroup: filter.yearGroup },
      options: { terms: context.terms, yearGroups, partnerships: context.partnerships.map((p) => ({ id: p.id, name: p.name })) },
      threshold: SUPPRESSION_THRESHOLD,
      ...buildReportTables(figures, viewerSchoolId),
      generatedAt: now.toString(),
    };
  }
}

/** A term's days as instants at the school: from the start of its first day to the start of the day after its last. */
export function periodOf(term: { start: string; end: string }, timeZone: string): NonNullable<ReportFilter['period']> {
  const from = Temporal.PlainDate.from(term.start).toZonedDateTime({ timeZone }).toInstant();
  const to = Temporal.PlainDate.from(term.end).add({ days: 1 }).toZonedDateTime({ timeZone }).toInstant();
  return { from: new Date(from.epochMilliseconds), to: new Date(to.epochMilliseconds), firstDay: term.start, lastDay: term.end };
}

function assertCanReport(staff: StaffPrincipal, schoolIds: readonly string[]): void {
  if (!can(staff, 'reports:read', schoolIds)) throw new AppError('forbidden', 'Your account does not have access to that report.');
}
