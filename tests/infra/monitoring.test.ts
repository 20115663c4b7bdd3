import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_GROUPS } from '#functions/routes';
import { alarmTargetFromContext } from '#infra/lib/alarms';
import { applyChecks } from '#infra/lib/checks';
import type { ThiduaStack, ThiduaStackProps } from '#infra/lib/thidua-stack';
import { synthStack } from './synth';

/**
 * Production is watched: alarms on what should never happen, sent to the topic given at deploy (or
 * one the stack makes), the API's access log, and cdk-nag's AWS Solutions pack clean, every
 * acknowledgment next to its construct with its reason.
 */
type Resource = { Properties: Record<string, any> };
const TOPIC_ARN = 'arn:aws:sns:ap-southeast-1:123456789012:office-it';

function synthesized(props?: ThiduaStackProps) {
  let synth: ReturnType<typeof synthStack>;
  beforeAll(() => {
    synth = synthStack({ bundling: false, ...(props ? { props } : {}) });
  });
  afterAll(() => synth?.cleanup());
  return {
    get stack(): ThiduaStack {
      return synth.stack;
    },
    get template(): Template {
      return synth.template;
    },
    /** cdk-nag's findings as `rule at construct path`, none acknowledged. */
    findings: () =>
      applyChecks(synth.app)
        .validateScope(synth.stack)
        .violations.flatMap((violation) => violation.violatingResources.map((at) => `${violation.ruleName} at ${at.constructPath}`)),
  };
}

const alarms = (template: Template) => Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
const ref = (stack: ThiduaStack, construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as Parameters<ThiduaStack['getLogicalId']>[0]);

describe('by default', () => {
  const synth = synthesized();

  it('alarms on the API 5xx, on each function errors and throttles, on DynamoDB system errors and throttling', () => {
    const { stack, template } = synth;
    const all = alarms(template);
    const on = (metricName: string, dimension: Record<string, unknown>) =>
      all.filter(
        (alarm) =>
          alarm.Properties.MetricName === metricName && JSON.stringify(alarm.Properties.Dimensions) === JSON.stringify([dimension]),
      );

    expect(on('5xx', { Name: 'ApiId', Value: { Ref: ref(stack, stack.httpApi.api) } })).toHaveLength(1);
    for (const group of ROUTE_GROUPS) {
      const fn = { Name: 'FunctionName', Value: { Ref: ref(stack, stack.functions.byGroup[group]) } };
      expect(on('Errors', fn), group).toHaveLength(1);
      expect(on('Throttles', fn), group).toHaveLength(1);
    }
    // The table's metrics are per operation: one alarm sums them (metric math).
    const tableId = ref(stack, stack.table.table);
    for (const metricName of ['SystemErrors', 'ThrottledRequests']) {
      const summed = all.filter((alarm) =>
        (alarm.Properties.Metrics as Resource['Properties'][] | undefined)?.some(
          (query) =>
            query.MetricStat?.Metric.MetricName === metricName &&
            query.MetricStat.Metric.Dimensions.some((d: any) => d.Value?.Ref === tableId),
        ),
      );
      expect(summed, metricName).toHaveLength(1);
    }
    expect(all).toHaveLength(1 + 2 * ROUTE_GROUPS.length + 2);
    for (const alarm of all) {
      expect(alarm.Properties).toMatchObject({ Threshold: 1, EvaluationPeriods: 1, TreatMissingData: 'notBreaching' });
    }
  });

  it('sends every alarm, and its end, to a topic of its own, TLS only, its ARN an output', () => {
    const { stack, template } = synth;
    const topicId = ref(stack, stack.alarms.topic as unknown as { node: { defaultChild?: unknown } });
    for (const alarm of alarms(template)) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
    }
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    template.hasOutput('AlarmTopicArn', { Value: { Ref: topicId } });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it("logs the API's access, kept a year, without the caller's address", () => {
    const { stack, template } = synth;
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage')) as Resource[];
    const settings = stage!.Properties.AccessLogSettings;
    expect(settings.DestinationArn).toEqual({ 'Fn::GetAtt': [ref(stack, stack.httpApi.accessLogs), 'Arn'] });
    const format = JSON.parse(settings.Format) as Record<string, string>;
    expect(format).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' });
    expect(settings.Format).not.toMatch(/sourceIp|userAgent|identity/);
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
  });

  it("logs the dossiers' bucket, whose scans are downloaded straight from S3, to a bucket of its own kept a year", () => {
    const { stack, template } = synth;
    const logs = stack.dossiers.bucket.node.scope!.node.findChild('AccessLogs') as { node: { defaultChild?: unknown } };
    template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: { Ref: ref(stack, logs) }, LogFilePrefix: 'dossiers/' },
    });
    const rules = (template.toJSON().Resources[ref(stack, logs)] as Resource).Properties.LifecycleConfiguration.Rules;
    expect(rules).toEqual([expect.objectContaining({ ExpirationInDays: 365, Status: 'Enabled' })]);
  });

  it("passes cdk-nag's AWS Solutions pack", () => {
    expect(synth.findings()).toEqual([]);
  });
});

describe('with an e-mail given at deploy', () => {
  const synth = synthesized({ alarmTarget: { email: 'it@sonoivu.gov.vn' } });

  it('subscribes it to the topic', () => {
    synth.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'it@sonoivu.gov.vn' });
  });
});

describe("with the office's own topic, and another OpenID Connect issuer", () => {
  const synth = synthesized({
    alarmTarget: { topicArn: TOPIC_ARN },
    externalIssuer: { issuer: 'https://login.microsoftonline.com/tenant/v2.0', clientId: 'pane' },
  });

  it('sends the alarms there and makes no topic', () => {
    synth.template.resourceCountIs('AWS::SNS::Topic', 0);
    expect(Object.keys(synth.template.toJSON().Outputs)).not.toContain('AlarmTopicArn');
    for (const alarm of alarms(synth.template)) expect(alarm.Properties.AlarmActions).toEqual([TOPIC_ARN]);
  });

  it("passes cdk-nag's AWS Solutions pack", () => {
    expect(synth.findings()).toEqual([]);
  });
});

describe('the alarm target from CDK context', () => {
  const from = (context: Record<string, string>) => alarmTargetFromContext((key) => context[key]);

  it('takes a topic ARN or an e-mail, or neither', () => {
    expect(from({})).toEqual({ topicArn: undefined, email: undefined });
    expect(from({ alarmTopicArn: TOPIC_ARN })).toMatchObject({ topicArn: TOPIC_ARN });
    expect(from({ alarmEmail: ' it@sonoivu.gov.vn ' })).toMatchObject({ email: 'it@sonoivu.gov.vn' });
  });

  it('refuses what is not one, or both', () => {
    expect(() => from({ alarmTopicArn: 'office-it' })).toThrow(/SNS topic/);
    expect(() => from({ alarmEmail: 'it' })).toThrow(/e-mail/);
    expect(() => from({ alarmTopicArn: TOPIC_ARN, alarmEmail: 'it@sonoivu.gov.vn' })).toThrow(/not both/);
  });
});
