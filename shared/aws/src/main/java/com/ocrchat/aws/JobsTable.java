package com.ocrchat.aws;

import com.ocrchat.job.JobOptions;
import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobStatus;
import com.ocrchat.language.TargetLanguage;
import com.ocrchat.metering.Charge;
import com.ocrchat.tools.Tier;
import com.ocrchat.tools.Tool;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of the jobs table: key {@code uuid}; the indexes template.yaml declares (by owner, for the
 * account page; by status, for the stuck-job sweep); {@code expires_at_epoch} is the TTL attribute, so a
 * job is deleted when its retention ends. Beside the record's own attributes a job item holds
 * {@code chunks_done} (a set that counts each chunk once) and {@code last_failure}.
 */
final class JobsTable {
    static final String KEY = "uuid";
    /** Global secondary index: owner (hash), created_at (range). */
    static final String OWNER_INDEX = "owner-created";
    /** Global secondary index: status (hash), created_at (range). */
    static final String STATUS_INDEX = "status-created";

    private JobsTable() {}

    static Map<String, AttributeValue> key(String uuid) {
        return Map.of(KEY, AttributeValue.fromS(uuid));
    }

    static Map<String, AttributeValue> toItem(JobRecord job) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY, s(job.uuid()));
        item.put("owner", s(job.owner()));
        item.put("status", s(job.status().id()));
        item.put("tier", s(job.options().tier().id()));
        item.put("requested_tier", s(job.options().requestedTier().id()));
        item.put("language", s(job.options().language()));
        putText(
                item,
                "tool",
                job.options().tool() == null ? null : job.options().tool().slug());
        putText(
                item,
                "translate_to",
                job.options().translateTo() == null
                        ? null
                        : job.options().translateTo().code());
        item.put("filename", s(job.filename()));
        item.put("page_count", n(job.pageCount()));
        item.put("pages_done", n(job.pagesDone()));
        item.put("charge_key", s(job.charge().source()));
        item.put("credits_charged", n(job.charge().credits()));
        item.put("created_at", s(job.createdAt().toString()));
        if (job.completedAt() != null) {
            item.put("completed_at", s(job.completedAt().toString()));
        }
        item.put("expires_at", s(job.expiresAt().toString()));
        item.put("expires_at_epoch", n(job.expiresAt().getEpochSecond()));
        putText(item, "detected_language", job.detectedLanguage());
        if (job.meanConfidence() != null) {
            item.put(
                    "mean_confidence", AttributeValue.fromN(job.meanConfidence().toString()));
        }
        item.put(
                "warnings",
                AttributeValue.fromL(
                        job.warnings().stream().map(AttributeValue::fromS).toList()));
        putText(item, "error", job.error());
        putText(item, "callback_url", job.callbackUrl());
        return item;
    }

    static JobRecord fromItem(Map<String, AttributeValue> item) {
        String tool = text(item, "tool");
        String translateTo = text(item, "translate_to");
        JobOptions options = new JobOptions(
                Tier.of(text(item, "requested_tier")),
                Tier.of(text(item, "tier")),
                text(item, "language"),
                tool == null ? null : Tool.bySlug(tool).orElse(null),
                translateTo == null ? null : TargetLanguage.parse(translateTo));
        return new JobRecord(
                text(item, KEY),
                text(item, "owner"),
                JobStatus.of(text(item, "status")),
                options,
                text(item, "filename"),
                Integer.parseInt(item.get("page_count").n()),
                Integer.parseInt(item.get("pages_done").n()),
                Charge.of(
                        text(item, "charge_key"),
                        Long.parseLong(item.get("credits_charged").n())),
                Instant.parse(text(item, "created_at")),
                item.containsKey("completed_at") ? Instant.parse(text(item, "completed_at")) : null,
                Instant.parse(text(item, "expires_at")),
                text(item, "detected_language"),
                item.containsKey("mean_confidence")
                        ? Double.valueOf(item.get("mean_confidence").n())
                        : null,
                item.containsKey("warnings")
                        ? item.get("warnings").l().stream()
                                .map(AttributeValue::s)
                                .toList()
                        : List.of(),
                text(item, "error"),
                text(item, "callback_url"));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static void putText(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }
}
