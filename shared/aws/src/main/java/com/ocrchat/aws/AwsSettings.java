package com.ocrchat.aws;

import com.ocrchat.settings.Env;
import java.util.Optional;

/**
 * Where the AWS resources are: the region, the bucket and tables of the stack (template.yaml sets
 * them), and endpoint overrides that point the same clients at the local stack.
 */
public record AwsSettings(
        String region,
        Optional<String> s3Endpoint,
        Optional<String> dynamoDbEndpoint,
        Optional<String> sqsEndpoint,
        Optional<String> bedrockEndpoint,
        Optional<String> secretsManagerEndpoint,
        String localAccessKey,
        String localSecretKey,
        String bucket,
        String jobsTable,
        String accountsTable,
        String chatTable) {

    public static AwsSettings from(Env env) {
        return new AwsSettings(
                env.text("OCRCHAT_REGION", env.text("AWS_REGION", "us-east-1")),
                env.optional("OCRCHAT_S3_ENDPOINT"),
                env.optional("OCRCHAT_DYNAMODB_ENDPOINT"),
                env.optional("OCRCHAT_SQS_ENDPOINT"),
                env.optional("OCRCHAT_BEDROCK_ENDPOINT"),
                env.optional("OCRCHAT_SECRETSMANAGER_ENDPOINT"),
                env.text("OCRCHAT_LOCAL_ACCESS_KEY", "local"),
                env.text("OCRCHAT_LOCAL_SECRET_KEY", "local-secret"),
                env.text("OCRCHAT_BUCKET", "ocrchat-local"),
                env.text("OCRCHAT_JOBS_TABLE", "ocrchat-jobs"),
                env.text("OCRCHAT_ACCOUNTS_TABLE", "ocrchat-accounts"),
                env.text("OCRCHAT_CHAT_TABLE", "ocrchat-chat"));
    }
}
