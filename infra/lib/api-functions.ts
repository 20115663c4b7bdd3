import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { ROUTE_GROUPS, type RouteGroup } from '#functions/routes';
import { ApiFunction } from './api-function';

type TableAccess = 'describe' | 'read' | 'readWrite';

/**
 * What each group may do to the table: least privilege, one decision per group. A Record so that a
 * new group in functions/routes.ts does not compile until someone decides its access here.
 */
const TABLE_ACCESS: Record<RouteGroup, TableAccess> = {
  // Health only reports whether the table is reachable.
  health: 'describe',
  campaigns: 'readWrite',
  org: 'readWrite',
  nominations: 'readWrite',
  // Reports compute from what the other groups wrote; they never write.
  reports: 'read',
  // The council's rounds, and its confirmed decisions written onto the nominations and quota counters.
  council: 'readWrite',
  // Documents are written from what the other groups stored; the register numbers and records them, and
  // issuing the decision writes its awards onto the nominations.
  documents: 'readWrite',
  // The dossier files' records, their counts and their audit; the bucket's grants are DossierBucket's.
  files: 'readWrite',
  // The award register: decisions entered by hand award their nominations; the history is imported.
  register: 'readWrite',
};

/** Nominations validate and save whole batches of sheet rows, documents lay out and zip whole lists; the other groups serve small requests. */
const MEMORY_MB: Partial<Record<RouteGroup, number>> = { nominations: 1024, documents: 1024 };

/** One Lambda function per route group, each granted only the table access its group needs. */
export class ApiFunctions extends Construct {
  readonly byGroup: Record<RouteGroup, NodejsFunction>;

  constructor(scope: Construct, id: string, props: { table: Table }) {
    super(scope, id);
    const { table } = props;
    const byGroup: Partial<Record<RouteGroup, NodejsFunction>> = {};

    for (const group of ROUTE_GROUPS) {
      const fn = new ApiFunction(this, group, { group, table, memorySize: MEMORY_MB[group] }).function;
      switch (TABLE_ACCESS[group]) {
        case 'describe':
          // The table itself: CDK's table.grant would add its indexes, which DescribeTable never names.
          fn.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:DescribeTable'], resources: [table.tableArn] }));
          break;
        case 'read':
          table.grantReadData(fn); // includes the index ARNs, for queries on GSI1/GSI2
          break;
        case 'readWrite':
          table.grantReadWriteData(fn);
          break;
      }
      if (TABLE_ACCESS[group] !== 'describe') {
        // cdk-nag (AwsSolutions) reads this where the app applies it (infra/lib/checks.ts).
        const tableId = Stack.of(table).getLogicalId(table.node.defaultChild as CfnResource);
        Validations.of(fn.role!).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
          reason: "The table's own indexes (GSI1, keys only), which CDK's grant names by wildcard: the queries by nominee need them.",
        });
      }
      byGroup[group] = fn;
    }
    this.byGroup = byGroup as Record<RouteGroup, NodejsFunction>;
  }
}
