import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE } from '#functions/store/table';

/**
 * The single table. Its keys and indexes come from functions/store/table.ts, the shape the local
 * runner and the integration tests create too, so the deployed table cannot drift from the tested one.
 */
export class ThiduaTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const str = (name: string) => ({ name, type: AttributeType.STRING });

    this.table = new Table(this, 'Table', {
      partitionKey: str(TABLE.partitionKey),
      sortKey: str(TABLE.sortKey),
      // A campaign's traffic comes in bursts around deadlines and is near zero otherwise.
      billingMode: BillingMode.PAY_PER_REQUEST,
      // The campaign's records are the office's evidence: recoverable to the second, never
      // deleted by a stack update or deletion.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Stored answers to idempotent saves expire after a day (functions/store/idempotency-store.ts), as do
      // the records of uploads never confirmed (functions/store/file-store.ts).
      timeToLiveAttribute: TABLE.timeToLive,
    });

    for (const index of [TABLE.byNominee]) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: str(index.partitionKey),
        sortKey: str(index.sortKey),
        // The handlers read the items themselves after a query; keys are all the indexes must hold.
        projectionType: ProjectionType.KEYS_ONLY,
      });
    }
  }
}
