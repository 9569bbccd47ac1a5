package com.ocrchat.job;

/**
 * What the job flow counts for operators: pages recognized, credits charged and given back, jobs failed,
 * chunks handed back to SQS for a retry. On Lambda they are CloudWatch metrics (embedded metric format);
 * elsewhere they may go nowhere.
 */
public interface JobMetrics {
    JobMetrics NONE = new JobMetrics() {
        @Override
        public void jobFinished(int pages, long credits) {}

        @Override
        public void jobFailed(long creditsRefunded) {}

        @Override
        public void chunkRetried() {}
    };

    /** A job is done: its pages were recognized and its credits are charged for good. */
    void jobFinished(int pages, long credits);

    /** A job failed and its credits were given back. */
    void jobFailed(long creditsRefunded);

    /** A chunk failed on our side and goes back to SQS for another attempt. */
    void chunkRetried();
}
