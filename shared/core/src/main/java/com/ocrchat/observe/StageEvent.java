package com.ocrchat.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One stage of reading a page or finishing a job, as a JDK Flight Recorder event: free when no recording runs,
 * and read back by {@code ./ocrchat bench} for its stage breakdown.
 */
@Name(StageEvent.NAME)
@Label("ocrchat stage")
@Category("ocrchat")
@Description("Time spent in one stage of the service's work on a page or a job")
@StackTrace(false)
public final class StageEvent extends Event {
    public static final String NAME = "com.ocrchat.Stage";

    @Label("Stage")
    String stage;

    @Label("Page")
    int page;
}
