package com.ocrchat.aws;

import com.ocrchat.job.JobMetrics;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * The job flow's counts as CloudWatch metrics in the embedded metric format (namespace {@code ocrchat},
 * by function): written to the function's log, turned into metrics by CloudWatch, no API call made.
 */
public final class EmfJobMetrics implements JobMetrics {
    private static final String NAMESPACE = "ocrchat";

    @Override
    public void jobFinished(int pages, long credits) {
        emit(logger -> {
            logger.putMetric("PagesRecognized", pages, Unit.COUNT);
            logger.putMetric("CreditsCharged", credits, Unit.COUNT);
        });
    }

    @Override
    public void jobFailed(long creditsRefunded) {
        emit(logger -> {
            logger.putMetric("JobsFailed", 1, Unit.COUNT);
            logger.putMetric("CreditsRefunded", creditsRefunded, Unit.COUNT);
        });
    }

    @Override
    public void chunkRetried() {
        emit(logger -> logger.putMetric("ChunkRetries", 1, Unit.COUNT));
    }

    private static void emit(java.util.function.Consumer<MetricsLogger> metrics) {
        MetricsLogger logger = new MetricsLogger();
        try {
            logger.setNamespace(NAMESPACE);
            logger.setDimensions(
                    DimensionSet.of("Function", System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "local")));
            metrics.accept(logger);
        } catch (Exception e) {
            // Counting must never fail the work it counts.
        } finally {
            logger.flush();
        }
    }
}
