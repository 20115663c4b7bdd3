import type { HistoryRow, HistoryRowResult } from '#shared/api/register';
import type { AwardForm } from '#shared/campaign';
import { makeIssue } from '#shared/issues';
import { CAMPAIGN_TEMPLATES } from '#shared/templates/index';
import { identityKey } from '#shared/text';
import type { Recorder } from './decision-entries';
import { registerEntryId, registerEntryKey, yearPeriod, type RegisterEntry } from './entry';
import { matchPerson, matchUnit, type Registry } from './match';

/** The award forms a typed award is recognised as (by code or name): those of the campaigns' templates and of the campaigns given. */
export function knownAwardForms(extra: readonly AwardForm[] = []): AwardForm[] {
  const all = [...extra, ...CAMPAIGN_TEMPLATES.flatMap((t) => t.campaign.awardForms)];
  return [...new Map(all.map((form) => [form.code, form])).values()];
}

function formOf(forms: readonly AwardForm[], typed: string): AwardForm | undefined {
  const key = identityKey(typed);
  return forms.find((f) => identityKey(f.code) === key || identityKey(f.name.vi) === key || identityKey(f.name.en) === key);
}

/**
 * A history row as a register entry: matched to the registry's person (name, unit and birth date when
 * given) or unit, else kept by the name and unit as typed; the form recognised by code or name, else
 * kept as typed; its year standing for the achievement's period.
 */
export function historyEntry(row: HistoryRow, registry: Registry, forms: readonly AwardForm[], by: Recorder) {
  const form = formOf(forms, row.award);
  const unit = matchUnit(registry, row.unit);
  const person = row.nomineeKind === 'individual' ? matchPerson(registry, row.name, row.unit, row.birthDate) : undefined;
  const matched = row.nomineeKind === 'collective' ? unit !== undefined : person !== undefined;
  const name = row.nomineeKind === 'collective' ? (unit?.name ?? row.name) : (person?.fullName ?? row.name);
  const unitName = row.nomineeKind === 'collective' ? name : (unit?.name ?? row.unit);
  const fields: Omit<RegisterEntry, 'id'> = {
    nomineeKind: row.nomineeKind,
    name,
    unitName,
    ...(person ? { personId: person.id } : {}),
    ...(unit ? { unitId: unit.id } : {}),
    ...(row.birthDate ? { birthDate: row.birthDate } : person?.birthDate ? { birthDate: person.birthDate } : {}),
    ...(form ? { awardForm: form.code } : {}),
    awardFormName: form?.name.vi ?? row.award,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    year: row.year,
    period: yearPeriod(row.year),
    source: 'imported',
    recordedAt: by.at,
    recordedBy: by.email,
  };
  return { entry: { id: registerEntryId(fields), ...fields } satisfies RegisterEntry, matched };
}

/** What an entry says, without who recorded it when: an import that says the same again changes nothing. */
function sameAward(a: RegisterEntry, b: RegisterEntry): boolean {
  const strip = ({ recordedAt: _at, recordedBy: _by, ...rest }: RegisterEntry) => JSON.stringify(Object.entries(rest).sort());
  return strip(a) === strip(b);
}

/**
 * An import's rows against what the register holds under their keys: new awards are added, the same
 * award again changes nothing, a changed detail updates it; an award a decision recorded (issued or
 * entered) is kept as the decision recorded it. A row repeated in the sheet is the same entry.
 */
export function planHistoryImport(
  rows: readonly HistoryRow[],
  registry: Registry,
  forms: readonly AwardForm[],
  stored: ReadonlyMap<string, RegisterEntry>,
  by: Recorder,
): { write: RegisterEntry[]; results: HistoryRowResult[] } {
  const write = new Map<string, RegisterEntry>();
  const results = rows.map((row): HistoryRowResult => {
    const { entry, matched } = historyEntry(row, registry, forms, by);
    const key = registerEntryKey(entry);
    const before = stored.get(key);
    const issues = matched
      ? []
      : [makeIssue('HISTORY_UNMATCHED', 'warning', { rowKey: row.rowKey, field: 'name' }, { name: row.name, unit: row.unit })];
    const answer = (outcome: HistoryRowResult['outcome']) => ({ rowKey: row.rowKey, outcome, matched, issues });
    if (write.has(key)) return answer('unchanged');
    if (before && before.source !== 'imported') return answer('recorded');
    if (before && sameAward(before, { ...entry, recordedAt: before.recordedAt, recordedBy: before.recordedBy })) return answer('unchanged');
    write.set(key, entry);
    return answer(before ? 'updated' : 'added');
  });
  return { write: [...write.values()], results };
}
