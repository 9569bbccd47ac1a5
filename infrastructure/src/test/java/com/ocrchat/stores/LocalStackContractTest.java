package com.ocrchat.stores;

import com.ocrchat.aws.AwsClients;
import com.ocrchat.aws.AwsSettings;
import com.ocrchat.aws.AwsStores;
import com.ocrchat.concurrent.Once;
import com.ocrchat.local.LocalResources;
import com.ocrchat.local.SamTemplate;
import com.ocrchat.local.TestServer;
import com.ocrchat.settings.Env;
import java.util.Map;
import java.util.function.Supplier;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The same store contracts against LocalStack, the design card's local AWS, through Testcontainers. It needs
 * a Docker engine: where none runs (these build machines), JUnit reports the class skipped with the reason.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackContractTest extends AwsStoreContracts {
    @Container
    private static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
                    DockerImageName.parse("localstack/localstack:3.8"))
            .withServices(
                    LocalStackContainer.Service.S3,
                    LocalStackContainer.Service.DYNAMODB,
                    LocalStackContainer.Service.SQS);

    /** The stores on LocalStack, with the template's tables, bucket and queues made there first. */
    private static final Supplier<AwsStores> STORES = Once.of(() -> {
        String endpoint = LOCALSTACK.getEndpoint().toString();
        Map<String, String> values = Map.ofEntries(
                Map.entry("OCRCHAT_S3_ENDPOINT", endpoint),
                Map.entry("OCRCHAT_DYNAMODB_ENDPOINT", endpoint),
                Map.entry("OCRCHAT_SQS_ENDPOINT", endpoint),
                Map.entry("OCRCHAT_LOCAL_ACCESS_KEY", LOCALSTACK.getAccessKey()),
                Map.entry("OCRCHAT_LOCAL_SECRET_KEY", LOCALSTACK.getSecretKey()),
                Map.entry("OCRCHAT_REGION", LOCALSTACK.getRegion()),
                Map.entry("OCRCHAT_BUCKET", LocalResources.localName("DocumentsBucket")),
                Map.entry("OCRCHAT_JOBS_TABLE", LocalResources.localName("JobsTable")),
                Map.entry("OCRCHAT_ACCOUNTS_TABLE", LocalResources.localName("AccountsTable")),
                Map.entry("OCRCHAT_CHAT_TABLE", LocalResources.localName("ChatTable")));
        AwsSettings settings = AwsSettings.from(Env.of(values));
        try (var dynamo = AwsClients.dynamo(settings);
                var s3 = AwsClients.s3(settings);
                var sqs = AwsClients.sqs(settings)) {
            LocalResources.create(
                    SamTemplate.read(TestServer.repositoryRoot().resolve("template.yaml")), dynamo, s3, sqs, null);
        } catch (Exception e) {
            throw new IllegalStateException("LocalStack did not take the template's resources", e);
        }
        return new AwsStores(Env.of(values));
    });

    @Override
    AwsStores stores() {
        return STORES.get();
    }
}
