import { requireAccess } from '../../lib/access';
import type { ServiceContext } from '../context';
import * as applications from '../applications/applications.service';
import * as audit from '../audit/audit.service';
import * as jury from '../jury/sessions.service';
import * as organisations from '../organisations/organisations.service';
import * as programmes from '../programmes/programmes.service';
import * as q from './publication.queries';
import { letterPolicy } from './publication.policy';
import { asSystem, loadRound, scopeOf } from './publication.service';
import { decisionLetterPdf } from './letter.pdf';

/**
 * The decision letter of one application as a PDF. The office has it once the jury has decided;
 * the applicant's members once the round is published. To anyone else it does not exist.
 */
export async function getDecisionLetter(ctx: ServiceContext, applicationId: string): Promise<{ filename: string; pdf: Buffer }> {
  const sys = asSystem(ctx);
  const application = await applications.getApplication(sys, applicationId);
  const round = await loadRound(ctx, application.roundId);
  const decision = (await jury.listDecisions(sys, round.id)).find((d) => d.applicationId === application.id);
  const member = await organisations.isMember(ctx, application.organisation.id);
  requireAccess(ctx.actor, letterPolicy, 'publication.letter.read', { ...scopeOf(round), member, decided: decision !== undefined });
  const programme = await programmes.getProgramme(sys, round.programmeId);
  const receipt = decision?.auditSeq ? ((await audit.eventHashes(ctx.db, [decision.auditSeq])).get(decision.auditSeq) ?? null) : null;
  const pdf = await decisionLetterPdf({
    reference: application.reference,
    organisation: application.organisation.displayName,
    programme: programme.name,
    round: round.name,
    title: application.content.title,
    outcome: decision!.outcome,
    fundingCents: decision!.fundingCents,
    requestedCents: application.requestedCents,
    rationale: decision!.rationale,
    feedback: await q.applicantFeedback(ctx.db, application.id),
    decidedAt: new Date(decision!.decidedAt),
    receipt,
  });
  return { filename: `Foerderentscheidung-${application.reference.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`, pdf };
}
