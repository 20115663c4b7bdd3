/**
 * Imported first by local/start.ts, so that it runs before any module that might make an AWS client:
 * `npm start` opens with the product's own lines, not the AWS SDK's warning that its releases after
 * January 2027 need Node.js 22 (this product runs on Node.js 20 or later; the README says so). The
 * SDK's documented switch (aws/aws-sdk-js-v3#7983), set for `npm start` only: the tests, the scripts
 * and Lambda (Node.js 24) keep the SDK's default.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export {};
