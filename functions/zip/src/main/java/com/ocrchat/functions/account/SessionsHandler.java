package com.ocrchat.functions.account;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.ocrchat.account.AccountSessions;
import com.ocrchat.account.SignUpSettings;
import com.ocrchat.auth.Authenticator;
import com.ocrchat.auth.Session;
import com.ocrchat.auth.Tokens;
import com.ocrchat.error.Forbidden;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.http.ApiRequest;
import com.ocrchat.http.ApiResponses;
import com.ocrchat.http.HttpEndpoint;
import com.ocrchat.http.SessionCookies;
import com.ocrchat.json.Json;
import com.ocrchat.wiring.Wiring;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The product pages' sign-in: GET /api/v1/session/ (who is signed in, and the CSRF token), POST /api/v1/signup/
 * (a free account; its token is in this answer only), POST /api/v1/session/ (log in), DELETE /api/v1/session/
 * (log out) and POST /api/v1/account/token/ (a new API token; the old one stops at once).
 */
public class SessionsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final long MAX_BODY_BYTES = 4 * 1024;

    private final Authenticator authenticator;
    private final AccountSessions sessions;
    private final SessionCookies cookies;
    private final boolean signUpOpen;

    public SessionsHandler() {
        this(Wiring.fromEnvironment());
    }

    public SessionsHandler(Wiring wiring) {
        this.authenticator = wiring.authenticator();
        this.sessions = wiring.accountSessions();
        this.cookies = SessionCookies.from(wiring.env(), wiring.clock());
        this.signUpOpen = SignUpSettings.from(wiring.env()).open();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEndpoint.respond(event, context, request -> switch (request.method() + " " + route(event)) {
            case "GET /api/v1/session" -> current(request);
            case "POST /api/v1/signup" -> signUp(request);
            case "POST /api/v1/session" -> logIn(request);
            case "DELETE /api/v1/session" -> logOut(request);
            case "POST /api/v1/account/token" -> rotate(request);
            default -> throw new InvalidInput("No such route: " + event.getRouteKey());
        });
    }

    private APIGatewayV2HTTPResponse current(ApiRequest request) {
        var browser = request.browserSession();
        Optional<Session> session = browser.flatMap(authenticator::liveSession);
        if (session.isPresent()) {
            return answer(
                    200,
                    signedIn(
                            session.get().email(),
                            session.get().accountId(),
                            browser.get().sessionId()),
                    List.of());
        }
        // The same form token for every tab of this browser, so opening a second page does not spoil the first.
        String formToken = request.cookie(SessionCookies.FORM_CSRF)
                .filter(token -> token.matches("[A-Za-z0-9_-]{43}"))
                .orElseGet(Tokens::secret);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("signed_in", false);
        body.put("sign_up_open", signUpOpen);
        body.put("csrf_token", formToken);
        List<String> setCookies = new ArrayList<>(List.of(cookies.formToken(formToken)));
        if (browser.isPresent()) {
            setCookies.addAll(cookies.cleared()); // an ended session's cookie, forgotten
        }
        return answer(200, body, setCookies);
    }

    private APIGatewayV2HTTPResponse signUp(ApiRequest request) {
        checkFormToken(request);
        JsonNode body = body(request);
        AccountSessions.SignedUp signedUp =
                sessions.signUp(text(body, "email"), text(body, "password"), request.sourceIp());
        endPrevious(request);
        Map<String, Object> answer = signedIn(
                signedUp.session().email(),
                signedUp.account().id(),
                signedUp.session().sessionId());
        answer.put("plan", signedUp.account().plan().id());
        answer.put("token", signedUp.token());
        return answer(201, answer, cookies.opened(signedUp.session()));
    }

    private APIGatewayV2HTTPResponse logIn(ApiRequest request) {
        checkFormToken(request);
        JsonNode body = body(request);
        AccountSessions.Opened opened = sessions.logIn(text(body, "email"), text(body, "password"), request.sourceIp());
        endPrevious(request);
        return answer(200, signedIn(opened.email(), opened.accountId(), opened.sessionId()), cookies.opened(opened));
    }

    /** Ends the session the browser presents (a live one needs its CSRF token); the cookie is cleared either way. */
    private APIGatewayV2HTTPResponse logOut(ApiRequest request) {
        var browser = request.browserSession();
        browser.flatMap(authenticator::liveSession).ifPresent(live -> {
            authenticator.requireProof(browser.get());
            sessions.logOut(live);
        });
        return answer(200, Map.of("signed_in", false), cookies.cleared());
    }

    private APIGatewayV2HTTPResponse rotate(ApiRequest request) {
        var caller = authenticator.requireAccount(request.credentials());
        return answer(200, Map.of("token", sessions.rotateToken(caller)), List.of());
    }

    /** A browser that signs in again leaves no second live session behind. */
    private void endPrevious(ApiRequest request) {
        request.browserSession().flatMap(authenticator::liveSession).ifPresent(sessions::logOut);
    }

    /** Answers that carry a token, a CSRF token or a session are never kept by a cache. */
    private static APIGatewayV2HTTPResponse answer(int status, Object body, List<String> setCookies) {
        APIGatewayV2HTTPResponse response = ApiResponses.json(status, body, Map.of("cache-control", "no-store"));
        if (!setCookies.isEmpty()) {
            response.setCookies(setCookies);
        }
        return response;
    }

    private static Map<String, Object> signedIn(String email, String accountId, String sessionId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("signed_in", true);
        body.put("email", email);
        body.put("account_id", accountId);
        body.put("csrf_token", Tokens.csrfToken(sessionId));
        return body;
    }

    /** Double submit: the form's X-CSRF-Token header must equal the cookie GET /api/v1/session/ set. */
    private static void checkFormToken(ApiRequest request) {
        Optional<String> cookie = request.cookie(SessionCookies.FORM_CSRF);
        Optional<String> header = request.header(SessionCookies.CSRF_HEADER);
        if (cookie.isEmpty()
                || header.isEmpty()
                || cookie.get().isEmpty()
                || !Authenticator.sameText(header.get(), cookie.get())) {
            throw new Forbidden(
                    "This form needs its CSRF token: GET /api/v1/session/ first, and send its csrf_token in X-CSRF-Token");
        }
    }

    private static JsonNode body(ApiRequest request) {
        try {
            JsonNode json = Json.MAPPER.readTree(request.body(MAX_BODY_BYTES));
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (IOException e) {
            // answered below
        }
        throw new InvalidInput("Send JSON: {\"email\": \"...\", \"password\": \"...\"}");
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidInput("Missing field '" + field + "'");
        }
        return value.asText();
    }

    /** The route without a trailing slash, as the template names it. */
    private static String route(APIGatewayV2HTTPEvent event) {
        String key = event.getRouteKey() == null ? "" : event.getRouteKey();
        String path = key.contains(" ") ? key.substring(key.indexOf(' ') + 1) : key;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
