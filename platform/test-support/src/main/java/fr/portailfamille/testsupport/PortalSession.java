package fr.portailfamille.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person using the portal through the gateway without a browser: a cookie jar, redirects followed
 * by hand, Keycloak's login form filled in, and API calls that echo the CSRF cookie as the web app
 * does. The session cookie is all it holds; it never sees a token.
 */
public final class PortalSession {

    private static final Pattern LOGIN_FORM =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>|<form[^>]*action=\"[^\"]*login-actions/authenticate[^\"]*\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private final String portalUrl;
    private final CookieManager jar = new CookieManager();
    private final HttpClient http;

    public PortalSession(String portalUrl) {
        this.portalUrl = portalUrl;
        // HTTP/1.1 as browsers speak to these servers: no h2c upgrade attempt on the first request.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new LocalhostCookies(jar))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Logs in on Keycloak's page through the gateway, then loads /api/me as the web app does. */
    public static PortalSession login(String portalUrl, String username, String password) {
        PortalSession session = new PortalSession(portalUrl);
        String home = session.submitLogin(session.loginPage(), username, password);
        if (!home.equals(portalUrl + "/")) {
            throw new IllegalStateException("Login of " + username + " ended at " + home);
        }
        session.get("/api/me");
        return session;
    }

    /** Starts a login: the Keycloak page the gateway sends to (its URL and HTML). */
    public HttpResponse<String> loginPage() {
        return raw(HttpRequest.newBuilder(URI.create(location(raw(
                HttpRequest.newBuilder(URI.create(portalUrl + "/oauth2/authorization/keycloak")))))));
    }

    /** Submits Keycloak's form; returns where the browser ends (the portal's home once logged in). */
    public String submitLogin(HttpResponse<String> page, String username, String password) {
        HttpResponse<String> answer = postForm(formAction(page.body()), "username=" + enc(username) + "&password="
                + enc(password) + "&credentialId=");
        if (answer.statusCode() == 200) {
            return answer.uri().toString();
        }
        String callback = location(answer);
        return location(raw(HttpRequest.newBuilder(URI.create(callback))));
    }

    /** The action URL of Keycloak's login form in {@code html}. */
    public static String formAction(String html) {
        Matcher form = LOGIN_FORM.matcher(html);
        if (!form.find()) {
            throw new IllegalStateException("No Keycloak login form in:\n" + html);
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new IllegalStateException("No action in " + form.group());
        }
        return action.group(1).replace("&amp;", "&");
    }

    /**
     * Accepts the CGU in force for this session's family, as the page « Nouvelles conditions » does: until
     * then the gateway refuses every family API but the account's with 403 {@code cgu-a-accepter}.
     */
    public void acceptCurrentCgu() {
        ApiClient.Response current = get("/api/identity/cgu/current");
        if (current.status() != 200) {
            throw new IllegalStateException("CGU en vigueur : " + current.status() + " " + current.body());
        }
        String version = current.json().get("version").asString();
        ApiClient.Response accepted = put("/api/identity/me/cgu", """
                {"version":"%s","accepted":true}""".formatted(version));
        if (accepted.status() != 200) {
            throw new IllegalStateException("acceptation des CGU : " + accepted.status() + " " + accepted.body());
        }
    }

    public ApiClient.Response get(String path) {
        return new ApiClient.Response(raw(HttpRequest.newBuilder(URI.create(portalUrl + path))
                .header("Accept", "application/json, application/problem+json")));
    }

    public ApiClient.Response post(String path, String json) {
        return withBody("POST", path, json);
    }

    public ApiClient.Response put(String path, String json) {
        return withBody("PUT", path, json);
    }

    /** A multipart POST, as the web app sends a file with FormData. */
    public ApiClient.Response post(String path, Multipart form) {
        return withBody("POST", path, form.contentType(), HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
    }

    /** A multipart PUT (e.g. a news item's form). */
    public ApiClient.Response put(String path, Multipart form) {
        return withBody("PUT", path, form.contentType(), HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
    }

    private ApiClient.Response withBody(String method, String path, String json) {
        return withBody(method, path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    private ApiClient.Response withBody(String method, String path, String contentType,
                                        HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portalUrl + path))
                .header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json")
                .method(method, body);
        String csrf = cookie("XSRF-TOKEN");
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        return new ApiClient.Response(raw(request));
    }

    /** Posts a form (e.g. {@code /logout} with {@code _csrf}). */
    public HttpResponse<String> postForm(String url, String form) {
        return raw(HttpRequest.newBuilder(URI.create(url.startsWith("/") ? portalUrl + url : url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /**
     * Sends one request; a request slower than 5 s is reported on standard output. A GET that gets
     * no answer within 30 s is sent once more on a new connection, and said so (« RETRIED GET »):
     * about once in three e2e runs one request through the gateway stays unanswered until the client
     * gives up (the gateway's access log shows it arriving only then); the cause is being looked for
     * and this keeps it visible without failing the build on it. Other methods are never re-sent.
     */
    public HttpResponse<String> raw(HttpRequest.Builder request) {
        boolean get = "GET".equals(request.copy().build().method());
        HttpRequest built = request.timeout(Duration.ofSeconds(get ? 30 : 90)).build();
        try {
            return send(built);
        } catch (UncheckedIOException e) {
            if (!get || !(e.getCause() instanceof java.net.http.HttpTimeoutException)) {
                throw e;
            }
            System.out.println("RETRIED " + e.getMessage());
            return send(built);
        }
    }

    private HttpResponse<String> send(HttpRequest built) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > 5000) {
                System.out.println("SLOW " + millis + " ms: " + built.method() + " " + built.uri());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed after "
                    + (System.nanoTime() - start) / 1_000_000 + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(URI uri) {
        return raw(HttpRequest.newBuilder(uri));
    }

    /** The Location of a redirect, absolute. */
    public String location(HttpResponse<String> response) {
        if (response.statusCode() < 300 || response.statusCode() > 399) {
            throw new IllegalStateException("Expected a redirect from " + response.uri() + ", got "
                    + response.statusCode() + ": " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.startsWith("/") ? portalUrl + location : location;
    }

    public String cookie(String name) {
        return jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public List<HttpCookie> cookies() {
        return jar.getCookieStore().getCookies();
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Browsers treat http://localhost as a secure context and send its Secure cookies (Keycloak's
     * session cookies are Secure); Java's cookie jar does not, so the flag is dropped here.
     */
    private static final class LocalhostCookies extends CookieHandler {

        private final CookieManager jar;

        LocalhostCookies(CookieManager jar) {
            this.jar = jar;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return jar.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> insecure = new HashMap<>();
            headers.forEach((name, values) -> insecure.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList() : values));
            jar.put(uri, insecure);
        }
    }
}
