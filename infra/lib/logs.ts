import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/**
 * How long the functions' logs and the API's access log are kept: a campaign runs a year, and a
 * question about last year's deadline week should still find its requests. The volume is a few MB a
 * month; the lasting record of who changed what is the audit trail, in the table.
 */
export const LOG_RETENTION = RetentionDays.ONE_YEAR;
