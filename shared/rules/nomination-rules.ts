import { makeIssue, type Issue, type Severity } from '#shared/issues';
import { NOMINEE_KIND_NAMES } from '#shared/messages';
import type { DossierRequirement } from '#shared/campaign';
import type { DossierDocument, FileCounts, NominationFields } from '#shared/nomination';
import { isDraftLike } from '#shared/status';
import type { RuleContext } from './context';

/** Where an issue points: the saved nomination, or the client's row for one not yet saved. */
export interface RowTarget {
  nominationId?: string;
  rowKey?: string;
}

/** What rule 5 reads of a nomination: its dossier as typed, and its files as the file store counts them. */
type DossierOf = Pick<NominationFields, 'dossier'> & { files?: FileCounts };

/** Whether the campaign asks for files (issue 11); a campaign stored before the setting asks for none. */
type FilesSetting = { dossierFilesRequired?: boolean };

/**
 * Rule 5: the dossier's document for a requirement, if it counts as present. By default that is "Có"
 * in the sheet; when the campaign asks for files, a document is present when a file is attached and
 * its number and date are given (the file is the evidence, so "Có" is not asked as well).
 */
export function dossierDocument(
  nomination: DossierOf,
  requirement: Pick<DossierRequirement, 'code'>,
  campaign: FilesSetting = {},
): DossierDocument | undefined {
  const document = nomination.dossier[requirement.code];
  if (!campaign.dossierFilesRequired) return document?.present ? document : undefined;
  return fileCount(nomination, requirement) > 0 && document?.number && document.date ? document : undefined;
}

function fileCount(nomination: DossierOf, requirement: Pick<DossierRequirement, 'code'>): number {
  return nomination.files?.[requirement.code] ?? 0;
}

/** Why a document is not present: not received, no file attached, or (with a file) no number or date. */
function missingCode(nomination: DossierOf, requirement: Pick<DossierRequirement, 'code'>, campaign: FilesSetting) {
  if (!campaign.dossierFilesRequired) return 'DOSSIER_INCOMPLETE' as const;
  return fileCount(nomination, requirement) === 0 ? ('DOSSIER_FILE_MISSING' as const) : ('DOSSIER_DOCUMENT_DETAILS_MISSING' as const);
}

/**
 * Rule 5: the documents a nomination's dossier lacks, in the campaign's order. None: the dossier is
 * complete (what the Tờ trình to the council says of each nomination, by this same test).
 */
export function missingDossier(
  campaign: { dossierRequirements: readonly DossierRequirement[] } & FilesSetting,
  nomination: DossierOf,
): DossierRequirement[] {
  return campaign.dossierRequirements.filter((requirement) => !dossierDocument(nomination, requirement, campaign));
}

/**
 * The rules that look at one nomination alone (rules 1, 2, 3, 5, 6, 7 and 9 of the plan).
 * What is missing while the unit still prepares the nomination is a warning; once submitted, an error.
 */
export function checkNomination(ctx: RuleContext, nomination: NominationFields & { files?: FileCounts }, target: RowTarget): Issue[] {
  const issues: Issue[] = [];
  const add = (code: Parameters<typeof makeIssue>[0], severity: Severity, field: string, params = {}) =>
    issues.push(makeIssue(code, severity, { ...target, field }, params));
  const missingSeverity: Severity = isDraftLike(nomination.status) ? 'warning' : 'error';
  const { campaign } = ctx;
  const kindName = NOMINEE_KIND_NAMES[nomination.nomineeKind];

  // Rule 2: collectives are the office's units; individuals are its staff, of the nominating unit.
  const unit = ctx.units.get(nomination.unitId);
  if (!unit) add('UNIT_UNKNOWN', 'error', 'unitId', { unitId: nomination.unitId });
  const nominee = nomination.nomineeKind === 'collective' ? ctx.units.get(nomination.nomineeId) : ctx.people.get(nomination.nomineeId);
  if (!nominee) {
    add('NOMINEE_UNKNOWN', 'error', 'nomineeId', { kind: kindName, nomineeId: nomination.nomineeId });
  } else {
    const nomineeUnitId = 'unitId' in nominee ? nominee.unitId : nominee.id;
    const nomineeName = 'fullName' in nominee ? nominee.fullName : nominee.name;
    if (unit && nomineeUnitId !== unit.id) {
      const nomineeUnit = ctx.units.get(nomineeUnitId)?.name ?? nomineeUnitId;
      const relation =
        nomination.nomineeKind === 'collective'
          ? { vi: 'không phải là đơn vị đề nghị', en: 'is not the nominating unit' }
          : { vi: `thuộc ${nomineeUnit}, không thuộc đơn vị đề nghị`, en: `belongs to ${nomineeUnit}, not to the nominating unit` };
      add('NOMINEE_OTHER_UNIT', 'error', 'nomineeId', { nomineeName, relation, unitName: unit.name });
    }
    // Rule 9: no award while under discipline, investigation or an unresolved complaint.
    if (nominee.underDiscipline) add('NOMINEE_UNDER_DISCIPLINE', 'error', 'nomineeId', { nomineeName });
  }

  // Rule 3: the plan's award forms, each for the nominee kinds it is given to.
  const awardForm = campaign.awardForms.find((form) => form.code === nomination.awardForm);
  if (!awardForm) {
    add('AWARD_FORM_UNKNOWN', 'error', 'awardForm', { awardForm: nomination.awardForm });
  } else if (!awardForm.nomineeKinds.includes(nomination.nomineeKind)) {
    add('AWARD_FORM_KIND_NOT_ALLOWED', 'error', 'awardForm', { awardFormName: awardForm.name, kind: kindName });
  }

  // Rule 5: the three documents of the dossier.
  for (const requirement of campaign.dossierRequirements) {
    const field = `dossier.${requirement.code}`;
    const document = dossierDocument(nomination, requirement, campaign);
    if (!document) {
      add(missingCode(nomination, requirement, campaign), missingSeverity, field, { document: requirement.name });
      continue;
    }
    if (!document.number || !document.date) {
      add('DOSSIER_DOCUMENT_DETAILS_MISSING', 'warning', field, { document: requirement.name });
    }
    // Rule 1: a document of this campaign cannot predate its launch.
    if (document.date && document.date < campaign.period.start) {
      add('DATE_OUTSIDE_PERIOD', 'warning', field, {
        what: requirement.name,
        date: document.date,
        start: campaign.period.start,
        end: campaign.period.end,
      });
    }
  }

  // Rule 6: dossiers reach the HR office by the deadline; a late one is flagged, never dropped.
  if (nomination.receivedDate) {
    if (nomination.receivedDate > campaign.submissionDeadline) {
      add('LATE_SUBMISSION', 'warning', 'receivedDate', {
        receivedDate: nomination.receivedDate,
        deadline: campaign.submissionDeadline,
      });
    } else if (nomination.receivedDate < campaign.period.start) {
      add('DATE_OUTSIDE_PERIOD', 'warning', 'receivedDate', {
        what: { vi: 'Hồ sơ nhận', en: 'The dossier received' },
        date: nomination.receivedDate,
        start: campaign.period.start,
        end: campaign.period.end,
      });
    }
  } else if (!isDraftLike(nomination.status) && nomination.status !== 'submitted') {
    add('RECEIVED_DATE_MISSING', 'warning', 'receivedDate');
  }

  // Rule 7: the nomination states which of the plan's criteria for its kind it meets.
  if (nomination.achievements.trim() === '') add('ACHIEVEMENTS_MISSING', missingSeverity, 'achievements');
  if (nomination.criteriaMet.length === 0) add('CRITERIA_MISSING', missingSeverity, 'criteriaMet');
  for (const code of nomination.criteriaMet) {
    const criterion = campaign.criteria.find((candidate) => candidate.code === code);
    if (!criterion) add('CRITERION_UNKNOWN', 'error', 'criteriaMet', { criterion: code });
    else if (criterion.nomineeKind !== nomination.nomineeKind) {
      add('CRITERION_WRONG_KIND', 'error', 'criteriaMet', {
        criterion: code,
        criterionKind: NOMINEE_KIND_NAMES[criterion.nomineeKind],
        kind: kindName,
      });
    }
  }
  const ofKind = campaign.criteria.filter((criterion) => criterion.nomineeKind === nomination.nomineeKind);
  const unmet = ofKind.filter((criterion) => !nomination.criteriaMet.includes(criterion.code));
  if (campaign.criteriaRule[nomination.nomineeKind] === 'all' && nomination.criteriaMet.length > 0 && unmet.length > 0) {
    // A warning: the plan's wording asks for all, the council judges how strictly.
    add('CRITERIA_PARTLY_MET', 'warning', 'criteriaMet', { kind: kindName, missing: unmet.map((c) => c.code).join(', ') });
  }
  for (const code of nomination.movements) {
    if (!campaign.movements.some((movement) => movement.code === code)) {
      add('MOVEMENT_UNKNOWN', 'error', 'movements', { movement: code });
    }
  }
  return issues;
}
