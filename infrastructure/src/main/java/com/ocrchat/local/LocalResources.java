package com.ocrchat.local;

import com.ocrchat.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The template's tables, buckets and queues, made on the local stack under local names, and the
 * functions' environment (Globals) resolved the way CloudFormation would resolve it: a {@code !Ref} to a
 * table or bucket becomes its name, to a queue its URL, to a parameter its default.
 */
public final class LocalResources {
    /** A resolved environment value; {@code resource} when it names a resource of the stack. */
    record Value(String value, boolean resource) {}

    private LocalResources() {}

    /** Makes what is missing; returns each resource's physical id (table or bucket name, queue URL) by logical id. */
    public static Map<String, String> create(
            SamTemplate template, DynamoDbClient dynamo, S3Client s3, SqsClient sqs, Integer visibilityTimeout) {
        Map<String, String> physical = new LinkedHashMap<>();
        template.resources("AWS::DynamoDB::Table").forEach((logicalId, resource) -> {
            Map<String, Object> properties = SamTemplate.map(resource, "Properties");
            List<Map<String, Object>> indexes = list(properties, "GlobalSecondaryIndexes");
            try {
                dynamo.createTable(r -> r.tableName(localName(logicalId))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(list(properties, "AttributeDefinitions").stream()
                                .map(a -> AttributeDefinition.builder()
                                        .attributeName(a.get("AttributeName").toString())
                                        .attributeType(a.get("AttributeType").toString())
                                        .build())
                                .toList())
                        .keySchema(keySchema(list(properties, "KeySchema")))
                        .globalSecondaryIndexes(
                                indexes.isEmpty()
                                        ? null
                                        : indexes.stream()
                                                .map(index -> GlobalSecondaryIndex.builder()
                                                        .indexName(index.get("IndexName")
                                                                .toString())
                                                        .keySchema(keySchema(list(index, "KeySchema")))
                                                        .projection(Projection.builder()
                                                                .projectionType(SamTemplate.map(index, "Projection")
                                                                        .getOrDefault("ProjectionType", "ALL")
                                                                        .toString())
                                                                .build())
                                                        .build())
                                                .toList()));
            } catch (ResourceInUseException alreadyThere) {
                // Made on an earlier start; the data folder keeps it.
            }
            physical.put(logicalId, localName(logicalId));
        });
        template.resources("AWS::S3::Bucket").keySet().forEach(logicalId -> {
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(localName(logicalId)))) {
                s3.createBucket(r -> r.bucket(localName(logicalId)));
            }
            physical.put(logicalId, localName(logicalId));
        });
        Map<String, Map<String, Object>> queues = template.resources("AWS::SQS::Queue");
        queues.forEach((logicalId, resource) -> {
            Map<String, Object> properties = SamTemplate.map(resource, "Properties");
            Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
            Object visibility = visibilityTimeout != null ? visibilityTimeout : properties.get("VisibilityTimeout");
            if (visibility != null) {
                attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(visibility));
            }
            String url = sqs.createQueue(r -> r.queueName(localName(logicalId)).attributes(attributes))
                    .queueUrl();
            physical.put(logicalId, url);
        });
        // Redrive policies name their dead-letter queue by ARN, so they come once every queue exists.
        queues.forEach((logicalId, resource) -> {
            Map<String, Object> redrive = SamTemplate.map(SamTemplate.map(resource, "Properties"), "RedrivePolicy");
            if (redrive.get("deadLetterTargetArn") instanceof Map<?, ?> getAtt
                    && getAtt.get("Fn::GetAtt") instanceof List<?> target) {
                String deadLetterUrl = physical.get(String.valueOf(target.get(0)));
                String arn = sqs.getQueueAttributes(
                                r -> r.queueUrl(deadLetterUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                        .attributes()
                        .get(QueueAttributeName.QUEUE_ARN);
                String policy = Json.write(Map.of(
                        "deadLetterTargetArn", arn, "maxReceiveCount", String.valueOf(redrive.get("maxReceiveCount"))));
                sqs.setQueueAttributes(r -> r.queueUrl(physical.get(logicalId))
                        .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, policy)));
            }
        });
        return physical;
    }

    /** The functions' environment for the local stack. */
    static Map<String, Value> environment(SamTemplate template, Map<String, String> physical) {
        Map<String, Object> parameters = SamTemplate.map(template.asMap(), "Parameters");
        Map<String, Value> environment = new LinkedHashMap<>();
        template.globalEnvironment()
                .forEach(
                        (name, value) -> resolve(value, parameters, physical).ifPresent(v -> environment.put(name, v)));
        return environment;
    }

    /** JobsTable -> ocrchat-jobs-table: stable, so a data folder keeps working across restarts. */
    public static String localName(String logicalId) {
        return "ocrchat-" + logicalId.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Optional<Value> resolve(Object value, Map<String, Object> parameters, Map<String, String> physical) {
        if (value instanceof Map<?, ?> intrinsic && intrinsic.get("Ref") instanceof String ref) {
            if (parameters.containsKey(ref)) {
                Object fallback = SamTemplate.map(parameters, ref).get("Default");
                return Optional.ofNullable(fallback).map(v -> new Value(String.valueOf(v), false));
            }
            return Optional.ofNullable(physical.get(ref)).map(v -> new Value(v, true));
        }
        if (value instanceof Map<?, ?>) {
            return Optional.empty();
        }
        return Optional.ofNullable(value).map(v -> new Value(String.valueOf(v), false));
    }

    private static List<KeySchemaElement> keySchema(List<Map<String, Object>> elements) {
        return elements.stream()
                .map(k -> KeySchemaElement.builder()
                        .attributeName(k.get("AttributeName").toString())
                        .keyType(k.get("KeyType").toString())
                        .build())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> properties, String key) {
        return (List<Map<String, Object>>) properties.getOrDefault(key, List.of());
    }
}
