package com.ocrchat.functions.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.ocrchat.events.QueueMessages;
import com.ocrchat.webhook.WebhookDelivery;
import com.ocrchat.webhook.WebhookEvent;
import com.ocrchat.wiring.Wiring;

/** Reads the webhooks queue: one attempt per message, a failed one queued again for later by the delivery itself. */
public class WebhookDeliveryHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final WebhookDelivery delivery;

    public WebhookDeliveryHandler() {
        this(Wiring.fromEnvironment());
    }

    public WebhookDeliveryHandler(Wiring wiring) {
        this.delivery = wiring.webhookDelivery();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return QueueMessages.each(event, context, WebhookEvent.class, WebhookEvent::jobUuid, delivery::deliver);
    }
}
