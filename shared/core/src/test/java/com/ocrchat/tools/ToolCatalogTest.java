package com.ocrchat.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ocrchat.error.InvalidInput;
import com.ocrchat.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCatalogTest {
    private final ToolCatalog catalog = new ToolCatalog(false, false);

    @Test
    void theProductPagesOwnSpellingIsTheSameTool() {
        assertEquals(Tool.EXTRACT_TABLES, catalog.require("extract-tables"));
        assertEquals(Tool.EXTRACT_TABLES, catalog.require("extract-table"));
        assertEquals(Tool.EXTRACT_TABLES, catalog.require(" Extract-Table "));
        assertThrows(InvalidInput.class, () -> catalog.require("extract"));
    }

    @Test
    void theListNamesTheAliases() {
        var listed = Json.MAPPER.valueToTree(catalog.list());
        assertEquals("extract-tables", listed.get(2).get("slug").asText());
        assertEquals(
                List.of("extract-table"),
                List.of(listed.get(2).get("aliases").get(0).asText()));
        assertEquals(null, listed.get(0).get("aliases"), "no empty list where a tool has none");
    }
}
