package com.ocrchat.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;

/**
 * The faults the server logged during a test, added to that test's failure message. A test that sees a 500 asserts
 * on the response's body, which says only "Internal error"; CI keeps the failure's one line, not the log above it.
 * Registered for every test by JUnit's extension autodetection, and as an appender in logback-test.xml.
 */
public final class ServerFaults extends AppenderBase<ILoggingEvent>
        implements BeforeEachCallback, TestExecutionExceptionHandler {
    private static final int KEPT = 4;
    private static final int ROOT_FRAMES = 6;
    private static final List<String> FAULTS = new ArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR) && event.getThrowableProxy() != null) {
            synchronized (FAULTS) {
                if (FAULTS.size() == KEPT) {
                    FAULTS.remove(0);
                }
                FAULTS.add(event.getFormattedMessage() + ": " + summary(event.getThrowableProxy()));
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (FAULTS) {
            FAULTS.clear();
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        String logged;
        synchronized (FAULTS) {
            logged = String.join(" | ", FAULTS);
        }
        if (logged.isEmpty() || !(thrown instanceof AssertionError)) {
            throw thrown;
        }
        AssertionFailedError withFaults =
                new AssertionFailedError(thrown.getMessage() + " [the server logged: " + logged + "]", thrown);
        withFaults.setStackTrace(thrown.getStackTrace());
        throw withFaults;
    }

    /** The exception and its causes on one line: each with its first frame of ours, the root with its first frames. */
    private static String summary(IThrowableProxy throwable) {
        StringBuilder line = new StringBuilder();
        for (IThrowableProxy cause = throwable; cause != null; cause = cause.getCause()) {
            line.append(cause == throwable ? "" : " caused by ")
                    .append(cause.getClassName())
                    .append(": ")
                    .append(cause.getMessage());
            StackTraceElementProxy[] frames = cause.getStackTraceElementProxyArray();
            for (int i = 0; i < frames.length; i++) {
                StackTraceElement frame = frames[i].getStackTraceElement();
                boolean ours = frame.getClassName().startsWith("com.ocrchat.");
                if ((cause.getCause() == null && i < ROOT_FRAMES) || ours) {
                    line.append(" at ").append(frame);
                }
                if (ours) {
                    break;
                }
            }
        }
        return line.toString();
    }
}
