package com.ocrchat.model;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries throttled and transiently failed calls with exponential backoff (each pause a random
 * half to whole of the doubled step, capped, so callers throttled together spread out), up to {@code attempts} calls in all; anything else fails at once.
 */
public final class RetryingModelClient implements ModelClient {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingModelClient.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    private final ModelClient delegate;
    private final int attempts;
    private final Duration backoff;

    public RetryingModelClient(ModelClient delegate, int attempts, Duration backoff) {
        this.delegate = delegate;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
    }

    @Override
    public Reply complete(Prompt prompt) {
        for (int attempt = 1; ; attempt++) {
            if (Thread.currentThread().isInterrupted()) { // the caller gave up (another page of the job failed)
                throw new ModelFailure("Interrupted before calling the model", false, null);
            }
            try {
                return delegate.complete(prompt);
            } catch (ModelFailure failure) {
                if (!failure.retryable()
                        || attempt >= attempts
                        || Thread.currentThread().isInterrupted()) {
                    throw failure;
                }
                long ceiling = Math.min(MAX_BACKOFF.toMillis(), backoff.toMillis() << (attempt - 1));
                long pause = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
                LOG.warn(
                        "Model call failed ({}); retry {} of {} in {} ms",
                        failure.getMessage(),
                        attempt,
                        attempts - 1,
                        pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ModelFailure("Interrupted while waiting to retry the model", false, e);
                }
            }
        }
    }
}
