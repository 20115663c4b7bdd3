import type { COUNCIL_BALLOTS_VI } from './council-vi';

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

/** The count's ballots sent in parts (English). */
export const COUNCIL_BALLOTS_EN: Record<keyof typeof COUNCIL_BALLOTS_VI, string> = {
  'council.sending': 'Sending the ballots: {sent} of {total} ballots ({partsSent} of {parts} parts).',
  'council.sendingLabel': 'Ballots sent',
  'council.sendFailed':
    'The ballots are not all sent yet ({sent} of {total} reached the server, none lost). Check the connection and press "Count the ballots" again: only the missing parts are sent.',
};
