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
};
