import type { REGISTER_VI } from './register-vi';

/** The pane's award register section (English). */
export const REGISTER_EN: Record<keyof typeof REGISTER_VI, string> = {
  'register.heading': 'Award register',
  'register.hint':
    'Look up a staff member\'s or a unit\'s awards across campaigns and years; the result goes to the "Tra cứu khen thưởng" sheet.',
  'register.kind': 'Who',
  'register.kind.individual': 'Individual',
  'register.kind.collective': 'Collective',
  'register.subject': 'Name, unit name or code',
  'register.year': 'Year',
  'register.form': 'Award form',
  'register.unit': 'Unit',
  'register.lookup': 'Look up',
  'register.openHistory': 'Open the history sheet',
  'register.importHistory': 'Save the history',
  'register.subjectRequired': 'Type the name, unit name or code to look up.',
  'register.found': '"{name}": {n} awards, see the "{sheet}" sheet.',
  'register.historyOpened': 'The "{sheet}" sheet is open: type or paste the award history, then click "Save the history".',
  'register.historyExists': 'The "{sheet}" sheet is there: type or paste the award history, then click "Save the history".',
  'register.noHistorySheet': 'There is no "{sheet}" sheet yet: click "Open the history sheet" first.',
  'register.noHistoryHeader': 'The "{sheet}" sheet has no "{header}" column: open the sheet again.',
  'register.imported':
    'Award history: {added} added, {unchanged} already there, {updated} updated, {recorded} already recorded by a decision.',
  'register.unsent': '{n} rows not saved: see the "Kết quả kiểm tra" column.',
  'register.outcome.added': 'Added to the award register',
  'register.outcome.unchanged': 'Already in the award register',
  'register.outcome.updated': 'Updated in the award register',
  'register.outcome.recorded': 'Already recorded by a decision',
  'register.decision.heading': "Record a higher authority's decision",
  'register.decision.hint':
    "The higher authority's award decision (Bằng khen): choose the form, enter its number, date and signer, and tick the people and units it awards.",
  'register.decision.form': 'Award form',
  'register.decision.number': 'Decision number',
  'register.decision.date': 'Decision date (dd/MM/yyyy)',
  'register.decision.signer': 'Signed by',
  'register.decision.nominations': 'Awarded ({n} ticked)',
  'register.decision.empty':
    'No nomination is selected by the council for this form: open the nomination sheet after the council confirms its result.',
  'register.decision.submit': 'Record the decision',
  'register.decision.noForm': "Choose the decision's award form.",
  'register.decision.noNumber': 'Enter the decision number.',
  'register.decision.badDate': 'The decision date "{text}" is not a dd/MM/yyyy date: enter it again, for example 20/11/2025.',
  'register.decision.noSigner': 'Enter who signed the decision.',
  'register.decision.noneTicked': 'Tick at least one person or unit awarded.',
  'register.decision.tooMany':
    '{n} nominations ticked, at most {max} at a time: record the decision in several parts of at most {max} each.',
  'register.decision.recorded': 'Decision {number} recorded: {n} units and people moved to "Awarded".',
};
