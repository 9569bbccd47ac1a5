package com.ocrchat.tools;

import java.util.List;

/**
 * A preset of the OCR request, as GET /api/v1/tools/ lists it: its slug, what it does, the tier it
 * runs on ({@code null}: the request's tier), its extra form fields, and whether this server can run it.
 */
public record Tool(String slug, String description, String tier, List<Parameter> parameters, boolean available, String note) {

    /** An extra form field of the tool. */
    public record Parameter(String name, boolean required, String description) {
    }
}
