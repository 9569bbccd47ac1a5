package com.ocrchat.api;

import static com.ocrchat.api.ApiEvents.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.auth.Plan;
import com.ocrchat.functions.ocr.SubmitOcrHandler;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.TestDocuments;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pages in several scripts, rendered with DejaVu Sans, recognized with language=auto (OSD picks the
 * script's model; Latin pages are re-read with their language's model) and with the explicit code.
 */
class ScriptsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static SubmitOcrHandler submit;
    private static String token;

    @BeforeAll
    static void setUp() {
        token = TestServer.application().accounts.create(Plan.PAID, 100).token();
        submit = new SubmitOcrHandler();
    }

    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("ru", "Отчёт", List.of("Привет мир, это проверка распознавания.", "Москва и Новосибирск."),
                        List.of("Привет", "проверка", "Москва")),
                Arguments.of("el", "Αναφορά", List.of("Καλημέρα κόσμε, αυτή είναι μια δοκιμή.", "Η Αθήνα είναι όμορφη."),
                        List.of("Καλημέρα", "δοκιμή", "Αθήνα")),
                // OSD needs a few lines of a script to name it.
                Arguments.of("ar", "تقرير", List.of("مرحبا بالعالم هذا اختبار للتعرف على النص", "القاهرة مدينة كبيرة وجميلة جدا",
                                "يعيش فيها ملايين الناس من كل مكان", "والنيل يجري في وسطها منذ آلاف السنين"),
                        List.of("مرحبا", "اختبار", "القاهرة")),
                Arguments.of("he", "דוח", List.of("שלום עולם זהו מבחן לזיהוי טקסט", "ירושלים היא עיר עתיקה"),
                        List.of("שלום", "מבחן", "ירושלים")),
                Arguments.of("de", "Bericht", List.of("Die Prüfung der Übersetzung für Straßen war schön.", "Grüße aus München und Köln."),
                        List.of("Prüfung", "Übersetzung", "Straßen", "München")),
                Arguments.of("vi", "Báo cáo", List.of("Xin chào thế giới, đây là bài kiểm tra nhận dạng.", "Hà Nội là thủ đô của Việt Nam."),
                        List.of("chào", "giới", "nhận", "Nội")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void recognizedWithAutoAndWithItsCode(String code, String title, List<String> lines, List<String> words) throws Exception {
        byte[] png = TestDocuments.png(TestDocuments.page(title, lines));
        for (String language : List.of("auto", code)) {
            var response = submit.handleRequest(ApiEvents.submit(token, "203.0.113.140", code + ".png", png, fields("language", language)), null);
            assertEquals(200, response.getStatusCode(), response.getBody());
            JsonNode job = MAPPER.readTree(response.getBody());
            String text = job.get("text").asText();
            for (String word : words) {
                assertTrue(text.contains(word), language + ": '" + word + "' in " + text);
            }
            assertEquals(code, job.get("detected_language").asText(), language + ": " + text);
            assertEquals(language, job.get("language").asText());
        }
    }
}
