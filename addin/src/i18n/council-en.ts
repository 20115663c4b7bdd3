/** A council round's status as the pane names it (English), and the step a confirmation cut short is at. */
export const COUNCIL_STATUS_EN = {
  'council.status.open': 'taking ballots',
  'council.status.tallied': 'counted, awaiting confirmation',
  'council.status.confirmed': 'result confirmed',
  'council.status.superseded': 'replaced by a newer round',
  'council.status.confirming': 'writing its result onto the nominations (step {done} of {total})',
  'council.status.annulling': 'annulling its result (step {done} of {total})',
  'council.status.annulled': 'result annulled',
  'council.resume': 'Resume confirmation',
};
