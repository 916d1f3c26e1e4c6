import type { AnswerExitBody, AnswerExitResponse, DeviceExitsResponse, ExitSupport, OpenExitResponse } from '@peerbridge/shared';
import { checkScaledAnswers, supportWords } from '../../domain/exits/exit-rules.js';
import { moderateChatMessage } from '../../domain/safeguarding/chat-filter.js';
import { DEFAULT_SAFEGUARDING_KEYWORDS } from '../../domain/safeguarding/default-keywords.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { ExitsRepository } from '../../infra/db/exits-repository.js';
import type { ProgrammeSettingsRepository } from '../../infra/db/programme-settings-repository.js';
import type { SafeguardingKeywordRepository } from '../../infra/db/safeguarding-keyword-repository.js';
import type { DeviceIdentity } from '../devices/device-tokens.js';
import type { RealtimeSink } from '../notifications/realtime-sink.js';
import type { StudentSignIn } from '../students/student-sign-in.js';
import type { ExitTokens } from './exit-tokens.js';
import type { PairingExits } from './pairing-exits.js';

/** How long after an exit the iPad still offers a student the support words (and any questionnaire left). */
const OFFERED_FOR_DAYS = 28;

export interface ExitQuestionnairesDeps {
  exits: Pick<ExitsRepository, 'endingFor' | 'coordinatorNames' | 'saveAnswer'>;
  settings: Pick<ProgrammeSettingsRepository, 'forSchool'>;
  keywords: Pick<SafeguardingKeywordRepository, 'forSchool'>;
  signIn: Pick<StudentSignIn, 'checkPin'>;
  tokens: ExitTokens;
  sink: Pick<RealtimeSink, 'toSchoolDsls'>;
  pairingExits: Pick<PairingExits, 'finishDue'>;
  clock: Clock;
}

type Ending = Awaited<ReturnType<ExitsRepository['endingFor']>>[number];

/**
 * What a student whose mentoring is ending sees on the iPad after their PIN: the exit questionnaire
 * (when asked for and not yet answered) and who at their own school they can still go to. The free
 * text passes the chat filter: contact details are refused kindly, safeguarding words are stored and
 * flagged to both schools' DSLs.
 */
export class ExitQuestionnaires {
  constructor(private readonly deps: ExitQuestionnairesDeps) {}

  async offered(device: DeviceIdentity): Promise<DeviceExitsResponse> {
    const seen = new Map<string, DeviceExitsResponse['students'][number]>();
    for (const { ending, own } of await this.endings(device)) {
      const pending = this.pending(ending, own.id);
      const known = seen.get(own.id);
      if (!known) seen.set(own.id, { studentId: own.id, firstName: own.firstName, questionnaire: pending, finalReviewOn: ending.exit.finalReviewOn });
      else if (pending) known.questionnaire = true;
    }
    return { students: [...seen.values()] };
  }

  async open(device: DeviceIdentity, input: { studentId: string; pin: string }): Promise<OpenExitResponse> {
    const mine = (await this.endings(device)).filter((e) => e.own.id === input.studentId);
    if (mine.length === 0) throw AppError.notFound('There is nothing about mentoring to show for you on this iPad.');
    await this.deps.signIn.checkPin(device, input.studentId, input.pin);
    // A questionnaire still to answer first; otherwise the latest ending, for its support words.
    const chosen = mine.find((e) => this.pending(e.ending, e.own.id)) ?? mine.at(-1)!;
    const { ending, own, partner } = chosen;
    const form = this.pending(ending, own.id) ? (await this.deps.settings.forSchool(own.schoolId)).exitQuestionnaire : null;
    return {
      token: await this.deps.tokens.issue({ studentId: own.id, pairingId: ending.pairingId, deviceId: device.deviceId }),
      firstName: own.firstName,
      partner: { firstName: partner.firstName, schoolName: partner.schoolName, yearGroup: partner.yearGroup },
      state: ending.exit.status,
      finalReviewOn: ending.exit.finalReviewOn,
      form,
      support: await this.support(chosen),
    };
  }

  async answer(device: DeviceIdentity, body: AnswerExitBody): Promise<AnswerExitResponse> {
    const grant = await this.deps.tokens.verify(body.token, device.deviceId);
    const found = (await this.endings(device)).find((e) => e.own.id === grant.studentId && e.ending.pairingId === grant.pairingId);
    if (!found || !found.ending.exit.questionnaireRequested) throw new AppError('conflict', 'There is no questionnaire for you to answer now.');
    if (found.ending.answered(grant.studentId)) throw new AppError('conflict', 'You have answered this questionnaire already. Thank you!');
    const form = (await this.deps.settings.forSchool(found.own.schoolId)).exitQuestionnaire;
    const problems = checkScaledAnswers(form, body.scaled);
    if (problems.length > 0) throw AppError.badRequest('Please answer every question (tap a number for each).', { problems });
    const support = await this.support(found);

    const keywords = (await this.deps.keywords.forSchool(found.own.schoolId)) ?? DEFAULT_SAFEGUARDING_KEYWORDS;
    const verdict = body.freeText ? moderateChatMessage(body.freeText, keywords) : { action: 'deliver' as const, contactKinds: [], matchedKeywords: [] };
    if (verdict.matchedKeywords.length > 0) this.alert(found, verdict.matchedKeywords);
    if (verdict.action === 'block') {
      return {
        saved: false,
        explanation: "For everyone's safety, Peerbridge doesn't keep phone numbers, emails, links or social media names. Please take them out and send your answers again.",
        support,
      };
    }
    const saved = await this.deps.exits.saveAnswer({
      pairingId: grant.pairingId,
      studentId: grant.studentId,
      form,
      scaled: body.scaled,
      freeText: body.freeText,
      flaggedKeywords: verdict.matchedKeywords,
      at: this.deps.clock.now(),
    });
    if (!saved) throw new AppError('conflict', 'You have answered this questionnaire already. Thank you!');
    return { saved: true, support };
  }

  /** The school's students (one side of each ending pairing) with their partner, on this iPad's school. */
  private async endings(device: DeviceIdentity) {
    await this.deps.pairingExits.finishDue();
    const since = this.deps.clock.now().subtract({ hours: 24 * OFFERED_FOR_DAYS });
    const rows = await this.deps.exits.endingFor(device.school.id, since);
    return rows.flatMap((ending) => {
      const sides = [
        { own: ending.mentor, partner: ending.mentee },
        { own: ending.mentee, partner: ending.mentor },
      ];
      return sides.filter((s) => s.own.schoolId === device.school.id && !s.own.archivedAt).map((s) => ({ ending, ...s }));
    });
  }

  private pending(ending: Ending, studentId: string): boolean {
    return ending.exit.questionnaireRequested && !ending.answered(studentId);
  }

  private async support(found: { ending: Ending; own: Ending['mentor']; partner: Ending['mentor'] }): Promise<ExitSupport> {
    const contacts = await this.deps.exits.coordinatorNames(found.own.schoolId);
    return {
      message: supportWords({ partnerFirstName: found.partner.firstName, schoolName: found.own.schoolName, contacts, ended: found.ending.exit.status === 'exited' }),
      contacts,
    };
  }

  private alert(found: { ending: Ending; own: Ending['mentor']; partner: Ending['mentor'] }, keywords: string[]): void {
    const childOf = (s: Ending['mentor']) => ({ firstName: s.firstName, yearGroup: s.yearGroup, schoolName: s.schoolName });
    const at = this.deps.clock.now().toString();
    for (const schoolId of [found.own.schoolId, found.partner.schoolId]) {
      this.deps.sink.toSchoolDsls(schoolId, 'safeguarding:alert', {
        kind: 'questionnaire_flagged',
        sessionId: null,
        summary: `An exit questionnaire answer from ${found.own.firstName} matched the safeguarding list (${keywords.join(', ')}).`,
        at,
        child: childOf(found.own),
        partner: childOf(found.partner),
        keywords,
      });
    }
  }
}
