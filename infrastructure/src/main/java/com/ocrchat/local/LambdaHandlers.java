package com.ocrchat.local;

import com.amazonaws.services.lambda.runtime.Context;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Handler instances built the way Lambda builds them, "package.Class::method" with the public no-arg
 * constructor, once each and then reused, as in a warm container; shared by every local event source.
 */
public final class LambdaHandlers {
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    /** Invokes the handler with an event of the type its method takes. */
    public Object invoke(String handler, Object event, Context context) throws Exception {
        return handlers.computeIfAbsent(handler, name -> Handler.of(name, event.getClass()))
                .invoke(event, context);
    }

    private record Handler(Object instance, Method method) {
        static Handler of(String handler, Class<?> eventType) {
            String[] parts = handler.split("::", 2);
            String methodName = parts.length == 2 ? parts[1] : "handleRequest";
            try {
                Class<?> type = Class.forName(parts[0]);
                Object instance = type.getConstructor().newInstance();
                for (Method candidate : type.getMethods()) {
                    if (candidate.getName().equals(methodName)
                            && candidate.getParameterCount() == 2
                            && candidate.getParameterTypes()[0].isAssignableFrom(eventType)
                            && candidate.getParameterTypes()[1] == Context.class
                            && !candidate.isBridge()) {
                        return new Handler(instance, candidate);
                    }
                }
                throw new IllegalStateException(
                        handler + " has no public " + methodName + "(" + eventType.getSimpleName() + ", Context)");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot build the handler " + handler + ": " + e, e);
            }
        }

        Object invoke(Object event, Context context) throws Exception {
            try {
                return method.invoke(instance, event, context);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }
}
