package com.ocrchat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.aws.AwsClients;
import com.ocrchat.functions.account.SessionsHandler;
import com.ocrchat.local.LocalServer;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The product pages' sign-in through the local server, as a browser does it (cookies kept, CSRF tokens sent):
 * sign-up, log in and out, token rotation, the refusals, and what is stored. The pages themselves are driven in
 * Chromium by ProductPagesTest.
 */
class SessionsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static LocalServer server;

    @BeforeAll
    static void start() {
        server = TestServer.get();
    }

    /**
     * One browser: its own cookies (kept as a browser keeps them for this one site: set, replaced, removed by
     * Max-Age=0), and the CSRF token its page was last given.
     */
    private static final class Browser {
        final HttpClient http = HttpClient.newHttpClient();
        final Map<String, String> cookies = new java.util.LinkedHashMap<>();
        String csrf;

        HttpResponse<String> send(String method, String path, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (csrf != null) {
                request.header("X-CSRF-Token", csrf);
            }
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        String.join(
                                "; ",
                                cookies.entrySet().stream()
                                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                                        .toList()));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("set-cookie")) {
                String[] pair = set.split(";")[0].split("=", 2);
                if (set.contains("Max-Age=0")) {
                    cookies.remove(pair[0]);
                } else {
                    cookies.put(pair[0], pair[1]);
                }
            }
            return response;
        }

        JsonNode session() throws Exception {
            JsonNode session =
                    MAPPER.readTree(send("GET", "/api/v1/session/", null).body());
            csrf = session.get("csrf_token").asText();
            return session;
        }
    }

    private static String credentials(String email, String password) {
        return "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}";
    }

    private static String uniqueEmail() {
        return "person-" + UUID.randomUUID() + "@Example.com";
    }

    private static HttpResponse<String> bearer(String path, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signUpGivesAFreeAccountItsTokenOnceAndASession() throws Exception {
        Browser browser = new Browser();
        JsonNode before = browser.session();
        assertFalse(before.get("signed_in").asBoolean());
        assertTrue(before.get("sign_up_open").asBoolean(), "open by default on the local server");

        String email = uniqueEmail();
        HttpResponse<String> created =
                browser.send("POST", "/api/v1/signup/", credentials(email, "correct horse battery"));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode account = MAPPER.readTree(created.body());
        assertEquals("free", account.get("plan").asText());
        assertEquals(
                email.toLowerCase(java.util.Locale.ROOT), account.get("email").asText());
        String token = account.get("token").asText();
        assertTrue(token.matches("ocr_[A-Za-z0-9_-]{43}"), token);
        String cookie = created.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(cookie.startsWith("ocrchat_session="), cookie);
        assertTrue(
                cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Max-Age="), cookie);
        assertFalse(cookie.contains("Secure"), "plain http on this machine: " + cookie);
        browser.csrf = account.get("csrf_token").asText();

        // The session is the account on the API's own routes; the token is too.
        HttpResponse<String> overview = browser.send("GET", "/api/v1/account/", null);
        assertEquals(200, overview.statusCode(), overview.body());
        assertEquals(
                account.get("account_id").asText(),
                MAPPER.readTree(overview.body()).get("account_id").asText());
        assertEquals(200, bearer("/api/v1/account/", token).statusCode());

        // A change without the session's CSRF token is refused; with it, a new token replaces the old at once.
        String csrf = browser.csrf;
        browser.csrf = null;
        HttpResponse<String> forged = browser.send("POST", "/api/v1/account/token/", null);
        assertEquals(403, forged.statusCode(), forged.body());
        assertEquals(200, bearer("/api/v1/account/", token).statusCode(), "a refused rotation changes nothing");
        browser.csrf = "not-the-token";
        assertEquals(403, browser.send("POST", "/api/v1/account/token/", null).statusCode());
        browser.csrf = csrf;
        HttpResponse<String> rotated = browser.send("POST", "/api/v1/account/token/", null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newToken = MAPPER.readTree(rotated.body()).get("token").asText();
        assertEquals(401, bearer("/api/v1/account/", token).statusCode());
        assertEquals(200, bearer("/api/v1/account/", newToken).statusCode());

        // Log out: the cookie is cleared and the session no longer opens anything.
        HttpResponse<String> out = browser.send("DELETE", "/api/v1/session/", null);
        assertEquals(200, out.statusCode(), out.body());
        assertTrue(out.headers().firstValue("set-cookie").orElseThrow().contains("Max-Age=0"));
        assertFalse(browser.session().get("signed_in").asBoolean());

        // Log in again, with the email in another case.
        HttpResponse<String> in = browser.send(
                "POST",
                "/api/v1/session/",
                credentials(email.toUpperCase(java.util.Locale.ROOT), "correct horse battery"));
        assertEquals(200, in.statusCode(), in.body());
        assertTrue(browser.session().get("signed_in").asBoolean());
    }

    @Test
    void anEndedSessionIsRefusedEvenWithItsOldCookie() throws Exception {
        Browser browser = new Browser();
        browser.session();
        HttpResponse<String> created =
                browser.send("POST", "/api/v1/signup/", credentials(uniqueEmail(), "0123456789ab"));
        browser.csrf = MAPPER.readTree(created.body()).get("csrf_token").asText();
        String cookie = created.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        assertEquals(200, browser.send("DELETE", "/api/v1/session/", null).statusCode());
        HttpResponse<String> replayed = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/account/"))
                                .header("Cookie", cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(401, replayed.statusCode());
        assertEquals(
                "Your session has ended: log in again",
                MAPPER.readTree(replayed.body()).get("error").asText());
    }

    @Test
    void refusals() throws Exception {
        Browser browser = new Browser();
        String email = uniqueEmail();
        // No form token: a page on another site cannot sign anyone up or in.
        HttpResponse<String> noToken = browser.send("POST", "/api/v1/signup/", credentials(email, "0123456789ab"));
        assertEquals(403, noToken.statusCode(), noToken.body());
        browser.session();
        assertEquals(
                400,
                browser.send("POST", "/api/v1/signup/", credentials("not-an-email", "0123456789ab"))
                        .statusCode());
        HttpResponse<String> shortPassword = browser.send("POST", "/api/v1/signup/", credentials(email, "short"));
        assertEquals(400, shortPassword.statusCode());
        assertEquals(
                "A password needs 10 to 128 characters",
                MAPPER.readTree(shortPassword.body()).get("error").asText());
        assertEquals(400, browser.send("POST", "/api/v1/signup/", "[1, 2]").statusCode());
        assertEquals(
                201,
                browser.send("POST", "/api/v1/signup/", credentials(email, "0123456789ab"))
                        .statusCode());

        Browser other = new Browser();
        other.session();
        HttpResponse<String> taken = other.send(
                "POST", "/api/v1/signup/", credentials(email.toUpperCase(java.util.Locale.ROOT), "another password"));
        assertEquals(409, taken.statusCode(), taken.body());
        HttpResponse<String> wrong = other.send("POST", "/api/v1/session/", credentials(email, "wrong password"));
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> nobody =
                other.send("POST", "/api/v1/session/", credentials(uniqueEmail(), "0123456789ab"));
        assertEquals(401, nobody.statusCode());
        assertEquals(
                MAPPER.readTree(wrong.body()),
                MAPPER.readTree(nobody.body()),
                "the answer does not tell which emails exist");
    }

    @Test
    void theOperatorDecidesWhetherSignUpIsOpenAndHowManyAnAddressMakes() throws Exception {
        SessionsHandler closed = new SessionsHandler(TestServer.wiringWith(Map.of("OCRCHAT_SIGN_UP", "closed")));
        APIGatewayV2HTTPResponse refused = closed.handleRequest(signUpEvent("203.0.113.10", uniqueEmail()), null);
        assertEquals(403, refused.getStatusCode(), refused.getBody());
        assertTrue(refused.getBody().contains("Sign-up is closed"), refused.getBody());

        SessionsHandler twoADay = new SessionsHandler(
                TestServer.wiringWith(Map.of("OCRCHAT_SIGN_UP", "open", "OCRCHAT_SIGN_UPS_PER_IP_PER_DAY", "2")));
        String address = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        assertEquals(
                201,
                twoADay.handleRequest(signUpEvent(address, uniqueEmail()), null).getStatusCode());
        assertEquals(
                201,
                twoADay.handleRequest(signUpEvent(address, uniqueEmail()), null).getStatusCode());
        APIGatewayV2HTTPResponse third = twoADay.handleRequest(signUpEvent(address, uniqueEmail()), null);
        assertEquals(429, third.getStatusCode(), third.getBody());
        assertEquals(
                201,
                twoADay.handleRequest(signUpEvent("192.0.2.77", uniqueEmail()), null)
                        .getStatusCode());
    }

    @Test
    void wrongPasswordsAreCountedPerAddress() throws Exception {
        SessionsHandler handler = new SessionsHandler(
                TestServer.wiringWith(Map.of("OCRCHAT_SIGN_UP", "open", "OCRCHAT_LOGIN_FAILURES_PER_IP_PER_DAY", "3")));
        String address = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        String email = uniqueEmail();
        assertEquals(
                201, handler.handleRequest(signUpEvent(address, email), null).getStatusCode());
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    401,
                    handler.handleRequest(logInEvent(address, email, "wrong password " + i), null)
                            .getStatusCode());
        }
        APIGatewayV2HTTPResponse blocked = handler.handleRequest(logInEvent(address, email, "0123456789ab"), null);
        assertEquals(429, blocked.getStatusCode(), "even the right password, once the address is past its limit");
        assertEquals(
                200,
                handler.handleRequest(logInEvent("192.0.2.99", email, "0123456789ab"), null)
                        .getStatusCode());
        APIGatewayV2HTTPResponse huge = handler.handleRequest(
                logInEvent("192.0.2.98", "x".repeat(1000) + "@example.com", "0123456789ab"), null);
        assertEquals(401, huge.getStatusCode(), huge.getBody());
    }

    @Test
    void aSecondTabKeepsTheFormTokenAndAnEndedSessionsCookieIsForgotten() throws Exception {
        Browser browser = new Browser();
        String first = browser.session().get("csrf_token").asText();
        assertEquals(first, browser.session().get("csrf_token").asText(), "another page of the same browser");
        browser.cookies.put("ocrchat_session", "a-session-that-never-was");
        HttpResponse<String> stale = browser.send("GET", "/api/v1/session/", null);
        assertFalse(MAPPER.readTree(stale.body()).get("signed_in").asBoolean());
        assertFalse(browser.cookies.containsKey("ocrchat_session"), "the dead cookie is cleared");
        assertEquals("no-store", stale.headers().firstValue("cache-control").orElseThrow());
        browser.cookies.put("ocrchat_session", "a-session-that-never-was");
        HttpResponse<String> out = browser.send("DELETE", "/api/v1/session/", null);
        assertEquals(200, out.statusCode(), "log out of an ended session still clears its cookie");
        assertFalse(browser.cookies.containsKey("ocrchat_session"));
    }

    @Test
    void neitherPasswordsNorSessionsNorTokensAreStoredInClear() throws Exception {
        Browser browser = new Browser();
        browser.session();
        String email = uniqueEmail();
        String password = "a password to look for";
        HttpResponse<String> created = browser.send("POST", "/api/v1/signup/", credentials(email, password));
        String token = MAPPER.readTree(created.body()).get("token").asText();
        String cookie = created.headers()
                .firstValue("set-cookie")
                .orElseThrow()
                .split(";")[0]
                .split("=", 2)[1];
        String everything;
        try (DynamoDbClient dynamo = AwsClients.dynamo(TestServer.stores().settings())) {
            List<Map<String, AttributeValue>> items = dynamo.scan(ScanRequest.builder()
                            .tableName(TestServer.stores().settings().accountsTable())
                            .build())
                    .items();
            everything = items.toString();
            Map<String, AttributeValue> login = items.stream()
                    .filter(item -> item.get("pk").s().equals("login#" + email.toLowerCase(java.util.Locale.ROOT)))
                    .findFirst()
                    .orElseThrow();
            assertTrue(login.get("password_hash").s().startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), login.toString());
        }
        assertFalse(everything.contains(password));
        assertFalse(everything.contains(token));
        assertFalse(everything.contains(cookie));
    }

    @Test
    void aPageImageIsTheOwnersOnly() throws Exception {
        String token = server.devToken();
        String boundary = "b" + UUID.randomUUID();
        byte[] file = TestDocuments.png(TestPages.invoiceImage());
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"invoice.png\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> submitted = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/ocr/"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, submitted.statusCode(), submitted.body());
        JsonNode job = MAPPER.readTree(submitted.body());
        String path = "/api/v1/ocr/" + job.get("uuid").asText() + "/pages/0/image/";
        HttpResponse<byte[]> image = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode());
        assertEquals("image/jpeg", image.headers().firstValue("content-type").orElseThrow());
        var decoded = ImageIO.read(new ByteArrayInputStream(image.body()));
        assertEquals(job.get("pages").get(0).get("width").asInt(), decoded.getWidth(), "the blocks' pixel space");
        assertEquals(404, bearer(path.replace("/0/", "/1/"), token).statusCode());
        assertEquals(404, bearer(path.replace("/0/", "/x/"), token).statusCode());
        String stranger = TestServer.stores()
                .accounts()
                .create(com.ocrchat.auth.Plan.FREE, 0)
                .token();
        assertEquals(404, bearer(path, stranger).statusCode());
    }

    @Test
    void thePagesAreServedAtTheRootAndTheApiKeepsItsJsonErrors() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> home = http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("<h2>Sign up</h2>"), home.body());
        assertTrue(home.headers()
                .firstValue("content-security-policy")
                .orElseThrow()
                .contains("default-src 'self'"));
        HttpResponse<String> missing = http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/no-such-page"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
        HttpResponse<String> api = http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/no-such-route"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, api.statusCode());
        assertEquals(
                "No such route: GET /api/v1/no-such-route",
                MAPPER.readTree(api.body()).get("error").asText());
        HttpResponse<String> traversal = http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/assets/..%2F..%2Fpom.xml"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, traversal.statusCode());
    }

    private static APIGatewayV2HTTPEvent logInEvent(String sourceIp, String email, String password) {
        APIGatewayV2HTTPEvent event = signUpEvent(sourceIp, email);
        event.setRouteKey("POST /api/v1/session");
        event.setRawPath("/api/v1/session/");
        event.setBody(credentials(email, password));
        return event;
    }

    private static APIGatewayV2HTTPEvent signUpEvent(String sourceIp, String email) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("POST /api/v1/signup");
        event.setRawPath("/api/v1/signup/");
        event.setHeaders(Map.of("content-type", "application/json", "x-csrf-token", "form-token"));
        event.setCookies(List.of("ocrchat_csrf=form-token"));
        event.setBody(credentials(email, "0123456789ab"));
        event.setIsBase64Encoded(false);
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod("POST")
                        .withSourceIp(sourceIp)
                        .build())
                .build());
        return event;
    }
}
