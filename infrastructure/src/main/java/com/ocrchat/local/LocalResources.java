package com.ocrchat.local;

import java.util.LinkedHashMap;
import java.util.List;
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
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The template's tables and buckets, made on the local stack under local names, and the functions'
 * environment (Globals) resolved the way CloudFormation would resolve it: a {@code !Ref} to a resource
 * becomes that resource's local name, a {@code !Ref} to a parameter its default.
 */
final class LocalResources {
    private LocalResources() {
    }

    /** A resolved environment value; {@code resource} when it names a resource of the stack. */
    record Value(String value, boolean resource) {
    }

    /** The functions' environment for the local stack. */
    static Map<String, Value> environment(SamTemplate template) {
        Map<String, Object> parameters = SamTemplate.map(template.asMap(), "Parameters");
        Map<String, Value> environment = new LinkedHashMap<>();
        template.globalEnvironment().forEach((name, value) -> resolve(value, parameters).ifPresent(v -> environment.put(name, v)));
        return environment;
    }

    static void create(SamTemplate template, DynamoDbClient dynamo, S3Client s3) {
        template.resources("AWS::DynamoDB::Table").forEach((logicalId, resource) -> {
            Map<String, Object> properties = SamTemplate.map(resource, "Properties");
            try {
                dynamo.createTable(r -> r.tableName(localName(logicalId))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(list(properties, "AttributeDefinitions").stream()
                                .map(a -> AttributeDefinition.builder().attributeName(a.get("AttributeName").toString())
                                        .attributeType(a.get("AttributeType").toString()).build()).toList())
                        .keySchema(keySchema(list(properties, "KeySchema")))
                        .globalSecondaryIndexes(list(properties, "GlobalSecondaryIndexes").isEmpty() ? null
                                : list(properties, "GlobalSecondaryIndexes").stream().map(index -> GlobalSecondaryIndex.builder()
                                        .indexName(index.get("IndexName").toString())
                                        .keySchema(keySchema(list(index, "KeySchema")))
                                        .projection(Projection.builder().projectionType(
                                                SamTemplate.map(index, "Projection").getOrDefault("ProjectionType", "ALL").toString()).build())
                                        .build()).toList()));
            } catch (ResourceInUseException alreadyThere) {
                // Made on an earlier start; the data folder keeps it.
            }
        });
        template.resources("AWS::S3::Bucket").keySet().forEach(logicalId -> {
            try {
                if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(localName(logicalId)))) {
                    s3.createBucket(r -> r.bucket(localName(logicalId)));
                }
            } catch (BucketAlreadyOwnedByYouException alreadyThere) {
                // As above.
            }
        });
    }

    private static List<KeySchemaElement> keySchema(List<Map<String, Object>> elements) {
        return elements.stream().map(k -> KeySchemaElement.builder().attributeName(k.get("AttributeName").toString())
                .keyType(k.get("KeyType").toString()).build()).toList();
    }

    /** JobsTable -> ocrchat-jobs-table: stable, so a data folder keeps working across restarts. */
    static String localName(String logicalId) {
        return "ocrchat-" + logicalId.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Optional<Value> resolve(Object value, Map<String, Object> parameters) {
        if (value instanceof Map<?, ?> intrinsic && intrinsic.get("Ref") instanceof String ref) {
            if (parameters.containsKey(ref)) {
                Object fallback = SamTemplate.map(parameters, ref).get("Default");
                return Optional.ofNullable(fallback).map(v -> new Value(String.valueOf(v), false));
            }
            return Optional.of(new Value(localName(ref), true));
        }
        if (value instanceof Map<?, ?>) {
            return Optional.empty();
        }
        return Optional.ofNullable(value).map(v -> new Value(String.valueOf(v), false));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> properties, String key) {
        return (List<Map<String, Object>>) properties.getOrDefault(key, List.of());
    }
}
