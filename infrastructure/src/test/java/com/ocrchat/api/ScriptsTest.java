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
import com.ocrchat.testing.TestPages;
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
        token = TestServer.stores().accounts().create(Plan.PAID, 100).token();
        submit = new SubmitOcrHandler();
    }

    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of(
                        "fr",
                        "DejaVu Sans",
                        "Rapport",
                        List.of("Le château de Versailles est très célèbre.", "La forêt est belle en été."),
                        List.of("château", "célèbre", "forêt", "été")),
                Arguments.of(
                        "zh",
                        "Noto Sans CJK SC",
                        "报告",
                        List.of("你好世界这是一个测试", "北京是中国的首都", "我们每天学习中文"),
                        List.of("你好世界", "北京是中国的首都", "学习中文")),
                Arguments.of(
                        "ja",
                        "Noto Sans CJK JP",
                        "報告",
                        List.of("こんにちは世界これはテストです", "東京は日本の首都です", "私たちは毎日日本語を勉強します"),
                        List.of("こんにちは", "東京は日本の首都です", "日本語")),
                // Korean pages are also read as one column (automatic segmentation drops lines of Hangul), and its
                // words are spaced as Tesseract's line text spaces them (its words are syllables).
                Arguments.of(
                        "ko",
                        "Noto Serif CJK KR",
                        "보고서",
                        List.of("안녕하세요 세계 이것은 시험입니다", "서울은 한국의 수도입니다", "우리는 매일 한국어를 공부합니다"),
                        List.of("안녕하세요 세계 이것은 시험입니다", "서울은 한국의 수도입니다", "우리는 매일 한국어를 공부합니다")),
                Arguments.of(
                        "th",
                        "Noto Sans Thai",
                        "รายงาน",
                        List.of(
                                "สวัสดีชาวโลก นี่คือการทดสอบ",
                                "กรุงเทพเป็นเมืองหลวงของประเทศไทย",
                                "เราเรียนภาษาไทยทุกวัน"),
                        List.of("สวัสดี", "ประเทศไทย", "ภาษาไทย")),
                Arguments.of(
                        "ru",
                        "DejaVu Sans",
                        "Отчёт",
                        List.of("Привет мир, это проверка распознавания.", "Москва и Новосибирск."),
                        List.of("Привет", "проверка", "Москва")),
                Arguments.of(
                        "el",
                        "DejaVu Sans",
                        "Αναφορά",
                        List.of("Καλημέρα κόσμε, αυτή είναι μια δοκιμή.", "Η Αθήνα είναι όμορφη."),
                        List.of("Καλημέρα", "δοκιμή", "Αθήνα")),
                // OSD needs a few lines of a script to name it.
                Arguments.of(
                        "ar",
                        "DejaVu Sans",
                        "تقرير",
                        List.of(
                                "مرحبا بالعالم هذا اختبار للتعرف على النص",
                                "القاهرة مدينة كبيرة وجميلة جدا",
                                "يعيش فيها ملايين الناس من كل مكان",
                                "والنيل يجري في وسطها منذ آلاف السنين"),
                        List.of("مرحبا", "اختبار", "القاهرة")),
                Arguments.of(
                        "he",
                        "DejaVu Sans",
                        "דוח",
                        List.of("שלום עולם זהו מבחן לזיהוי טקסט", "ירושלים היא עיר עתיקה"),
                        List.of("שלום", "מבחן", "ירושלים")),
                Arguments.of(
                        "de",
                        "DejaVu Sans",
                        "Bericht",
                        List.of("Die Prüfung der Übersetzung für Straßen war schön.", "Grüße aus München und Köln."),
                        List.of("Prüfung", "Übersetzung", "Straßen", "München")),
                Arguments.of(
                        "vi",
                        "DejaVu Sans",
                        "Báo cáo",
                        List.of("Xin chào thế giới, đây là bài kiểm tra nhận dạng.", "Hà Nội là thủ đô của Việt Nam."),
                        List.of("chào", "giới", "nhận", "Nội")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void recognizedWithAutoAndWithItsCode(
            String code, String font, String title, List<String> lines, List<String> words) throws Exception {
        byte[] png = TestDocuments.png(TestPages.page(font, title, lines));
        for (String language : List.of("auto", code)) {
            recognize(png, code, language, words);
        }
    }

    /**
     * A short Chinese page upside down: OSD only guesses its turn (about 1 where 2 is sure), which is tried and kept as
     * it reads better; with language=auto, against the page as it was read with the same model (its few characters
     * are not weighed against the many letters English made of them).
     */
    @org.junit.jupiter.api.Test
    void aChinesePageUpsideDownIsTurnedAndReadWithAuto() throws Exception {
        java.awt.image.BufferedImage page =
                TestPages.page("Noto Sans CJK SC", "报告", List.of("你好世界这是一个测试", "北京是中国的首都", "我们每天学习中文"));
        java.awt.image.BufferedImage turned =
                new java.awt.image.BufferedImage(page.getWidth(), page.getHeight(), page.getType());
        java.awt.Graphics2D g = turned.createGraphics();
        g.rotate(Math.PI, page.getWidth() / 2.0, page.getHeight() / 2.0);
        g.drawImage(page, 0, 0, null);
        g.dispose();

        for (String language : List.of("auto", "zh")) {
            recognize(TestDocuments.png(turned), "zh", language, List.of("你好世界", "北京是中国的首都"));
        }
    }

    /** OSD cannot name Devanagari on a page this short: auto then tries the installed scripts' models. */
    @ParameterizedTest(name = "hi")
    @MethodSource("hindi")
    void hindiWithAutoAndItsCode(List<String> lines, List<String> words) throws Exception {
        byte[] png = TestDocuments.png(TestPages.page("Noto Sans Devanagari", "रिपोर्ट", lines));
        recognize(png, "hi", "auto", words);
        recognize(png, "hi", "hi", words);
    }

    static Stream<Arguments> hindi() {
        return Stream.of(Arguments.of(
                List.of("नमस्ते दुनिया यह एक परीक्षण है", "भारत की राजधानी नई दिल्ली है"),
                List.of("नमस्ते", "दुनिया", "परीक्षण", "राजधानी")));
    }

    private static void recognize(byte[] png, String code, String language, List<String> words) throws Exception {
        var response = submit.handleRequest(
                ApiEvents.submit(token, "203.0.113.140", code + ".png", png, fields("language", language)), null);
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
