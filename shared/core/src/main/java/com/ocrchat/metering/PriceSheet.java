package com.ocrchat.metering;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.ocrchat.auth.Plan;
import com.ocrchat.tools.Tier;
import java.util.List;
import java.util.Map;

/** GET /api/v1/plans/: the plans as this server is configured, for the pricing page and anyone who asks. */
@JsonPropertyOrder({"plans", "credits_per_page"})
public record PriceSheet(List<Offer> plans, Map<String, Integer> creditsPerPage) {

    /** One plan: its credits and how they renew (day, month, or never for bought credits), and its page cap per file. */
    @JsonPropertyOrder({"plan", "credits", "renews", "max_pages_per_file", "summary"})
    public record Offer(String plan, long credits, String renews, int maxPagesPerFile, String summary) {}

    public static PriceSheet of(Plans plans) {
        return new PriceSheet(
                List.of(
                        new Offer(
                                Plan.ANONYMOUS.id(),
                                plans.allowance(Plan.ANONYMOUS),
                                "day",
                                plans.maxPagesPerFile(Plan.ANONYMOUS),
                                "No account: credits per address and UTC day"),
                        new Offer(
                                Plan.FREE.id(),
                                plans.allowance(Plan.FREE),
                                "month",
                                plans.maxPagesPerFile(Plan.FREE),
                                "Sign up: credits per UTC month, an API token, chat with documents"),
                        new Offer(
                                Plan.PAID.id(),
                                0,
                                "never",
                                plans.maxPagesPerFile(Plan.PAID),
                                "Bought credits, kept until spent; large documents")),
                Map.of(Tier.CPU.id(), plans.creditsPerPage(Tier.CPU), Tier.VLM.id(), plans.creditsPerPage(Tier.VLM)));
    }
}
