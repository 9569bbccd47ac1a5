package com.ocrchat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** template.yaml against the SAM schema in ../shared/schemas (read from there, never copied here). */
class TemplateSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void templateYamlIsAValidSamTemplate() throws Exception {
        Path schemaFile = TestServer.sharedFolder().resolve("schemas/sam.schema.json");
        assumeTrue(
                Files.exists(schemaFile),
                "Skipped: " + schemaFile + " is absent (CI has ../shared beside the checkout)");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                .getSchema(MAPPER.readTree(schemaFile.toFile()));
        JsonNode template =
                MAPPER.valueToTree(SamTemplate.read(TestServer.repositoryRoot().resolve("template.yaml"))
                        .asMap());

        Set<ValidationMessage> problems = schema.validate(template);

        assertEquals(Set.of(), problems);
    }

    @Test
    void theSchemaCatchesAMisspeltProperty() throws Exception {
        Path schemaFile = TestServer.sharedFolder().resolve("schemas/sam.schema.json");
        assumeTrue(Files.exists(schemaFile), "Skipped: " + schemaFile + " is absent");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                .getSchema(MAPPER.readTree(schemaFile.toFile()));
        String broken = Files.readString(TestServer.repositoryRoot().resolve("template.yaml"))
                .replace("Handler: com.ocrchat", "Handlr: com.ocrchat");
        JsonNode template = MAPPER.valueToTree(
                SamTemplate.parse(new java.io.StringReader(broken)).asMap());

        assumeTrue(!broken.equals(Files.readString(TestServer.repositoryRoot().resolve("template.yaml"))));
        assertEquals(false, schema.validate(template).isEmpty(), "a misspelt property must be reported");
    }

    @Test
    void queuesAreWiredAsLambdaNeedsThem() throws Exception {
        SamTemplate template = SamTemplate.read(TestServer.repositoryRoot().resolve("template.yaml"));
        var queues = template.resources("AWS::SQS::Queue");
        for (SamTemplate.QueueEvent event : template.queueEvents()) {
            var queue = SamTemplate.map(queues.get(event.queue()), "Properties");
            int visibility = ((Number) queue.get("VisibilityTimeout")).intValue();
            org.junit.jupiter.api.Assertions.assertTrue(
                    visibility >= 6 * event.timeoutSeconds(),
                    event.queue() + ": visibility timeout " + visibility + " < 6 x " + event.timeoutSeconds());
            org.junit.jupiter.api.Assertions.assertTrue(
                    event.reportsItemFailures(), event.function() + " reports batch item failures");
            var redrive = SamTemplate.map(queue, "RedrivePolicy");
            if (!event.function().equals("DeadChunkFunction")) {
                org.junit.jupiter.api.Assertions.assertTrue(
                        ((Number) redrive.get("maxReceiveCount")).intValue() >= 5, event.queue());
            }
        }
        assertEquals(
                List.of("PriorityQueue", "JobsQueue"),
                template.queueEvents().stream()
                        .filter(e -> e.function().equals("OcrWorkerFunction"))
                        .map(SamTemplate.QueueEvent::queue)
                        .toList(),
                "the priority queue is drained first");
    }
}
