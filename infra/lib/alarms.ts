import { CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { RouteGroup } from '#functions/routes';

/** Where the alarms go, given at deploy (CDK context alarmTopicArn, alarmEmail). */
export interface AlarmTarget {
  /** An existing SNS topic (the office's or the province's); none is made then. */
  topicArn?: string | undefined;
  /** Subscribed to the topic the stack makes: AWS sends it a confirmation e-mail first. */
  email?: string | undefined;
}

export interface AlarmsProps extends AlarmTarget {
  functions: Record<RouteGroup, IFunction>;
  api: IHttpApi;
  table: ITable;
}

/** Every operation functions/store sends to the table: CloudWatch counts errors per operation. */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];

/**
 * What should never happen, alarmed: the handlers answer every refusal as a 4xx, so a 5xx, a
 * function's error or throttle, or DynamoDB's own error or throttling is a bug or a limit to raise.
 * Each alarm fires on one occurrence in five minutes (an office's traffic is too small for a rate to
 * mean anything) and tells the topic again when it is over.
 */
export class Alarms extends Construct {
  readonly topic: ITopic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = props.topicArn ? Topic.fromTopicArn(this, 'Topic', props.topicArn) : this.makeTopic(props.email);

    const period = Duration.minutes(5);
    this.add('Api5xx', 'The API answered 5xx: a bug, a timeout or a throttled function', props.api.metricServerError({ period }));
    for (const [group, fn] of Object.entries(props.functions)) {
      this.add(
        `${group}Errors`,
        `The ${group} function failed (an uncaught error, a timeout or out of memory)`,
        fn.metricErrors({ period }),
      );
      this.add(`${group}Throttles`, `The ${group} function was throttled (the account's concurrency)`, fn.metricThrottles({ period }));
    }
    const operations = { operations: TABLE_OPERATIONS, period };
    this.add('TableSystemErrors', "DynamoDB's own errors (HTTP 500) on the table", props.table.metricSystemErrorsForOperations(operations));
    this.add('TableThrottles', 'DynamoDB throttled requests on the table', props.table.metricThrottledRequestsForOperations(operations));
  }

  private makeTopic(email: string | undefined): Topic {
    const topic = new Topic(this, 'Topic', { displayName: 'thidua alarms', enforceSSL: true });
    Validations.of(topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        "An alarm's message holds its name, metric and threshold, no office data; encrypting it would need a customer-managed KMS key whose policy lets CloudWatch publish.",
    });
    if (email) topic.addSubscription(new EmailSubscription(email));
    new CfnOutput(Stack.of(this), 'AlarmTopicArn', {
      value: topic.topicArn,
      description: 'Where the alarms go: subscribe the IT person (e-mail, SMS, chat) to this topic',
    });
    return topic;
  }

  private add(id: string, description: string, metric: IMetric): void {
    const alarm = new Alarm(this, id, {
      alarmDescription: `thidua: ${description}.`,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No request, no datapoint: quiet is healthy.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push(alarm);
  }
}

/** The alarm target from CDK context (`cdk deploy -c alarmEmail=it@... ` or `-c alarmTopicArn=arn:aws:sns:...`). */
export function alarmTargetFromContext(context: (key: string) => unknown): AlarmTarget {
  const text = (key: string) => {
    const value = context(key);
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const topicArn = text('alarmTopicArn');
  const email = text('alarmEmail');
  if (topicArn && !/^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w-]+$/.test(topicArn))
    throw new Error(`alarmTopicArn is not an SNS topic's ARN: ${topicArn}`);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`alarmEmail is not an e-mail address: ${email}`);
  if (topicArn && email) throw new Error('Give alarmTopicArn or alarmEmail, not both: subscribe the address to your own topic');
  return { topicArn, email };
}
