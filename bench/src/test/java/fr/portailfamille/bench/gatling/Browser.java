package fr.portailfamille.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;


import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * What a family's browser does on the portal, as Gatling chains: logging in on Keycloak's page through the
 * gateway (the form posted, the redirects followed, the gateway's session and XSRF cookies kept), accepting
 * the CGU when the portal asks, the home page and its API calls (as {@code web/src/App.tsx},
 * {@code Layout.tsx} and the home page ask them), and a logged-in session reused ({@link #useSession}).
 * Each virtual user needs {@code username}, {@code password} (login) or {@code sessionCookie},
 * {@code xsrfToken} (reused session) in its Gatling session, from a feeder.
 */
final class Browser {

    private Browser() {
    }

    /** The gateway as a browser reaches it: redirects followed, one cookie jar and one connection pool each. */
    static HttpProtocolBuilder protocol() {
        return http.baseUrl(BenchSettings.PORTAL)
                .acceptHeader("application/json, application/problem+json")
                .acceptLanguageHeader("fr-FR,fr;q=0.9")
                .userAgentHeader("portail-famille-bench (Gatling)");
    }

    /**
     * A fresh browser logs in: {@code /oauth2/authorization/keycloak} (gateway → Keycloak's page), then the
     * form posted as the browser posts it (Keycloak → the gateway's callback → the portal's home). Keycloak's
     * session cookies are {@code Secure}: Gatling's cookie jar, like browsers, sends them over plain HTTP to a
     * host named {@code localhost} only (a secure context), so Keycloak must be reached by that name (the
     * local stack's issuer, {@code http://localhost:8180}).
     */
    static ChainBuilder logIn() {
        return exec(flushCookieJar())
                .exec(http("login 1: gateway → Keycloak's page").get("/oauth2/authorization/keycloak")
                        .header("Accept", "text/html")
                        .check(status().is(200),
                                css("form[action*='login-actions/authenticate']", "action").saveAs("loginAction")))
                .exec(http("login 2: form posted → gateway → home").post("#{loginAction}")
                        .header("Accept", "text/html")
                        .formParam("username", "#{username}")
                        .formParam("password", "#{password}")
                        .formParam("credentialId", "")
                        .check(status().is(200), currentLocation().is(BenchSettings.PORTAL + "/")));
    }

    /**
     * The home page once logged in: the page, who is logged in ({@code dossier} kept), the portal's names,
     * the account (CGU to accept: accepted, as « Nouvelles conditions » does), the unread count and the news;
     * then the XSRF cookie kept for the writes.
     */
    static ChainBuilder home() {
        return home(null);
    }

    /** {@link #home()}, its API calls recorded in {@code tally} ({@link Tally#timed}) when not {@code null}. */
    static ChainBuilder home(Tally tally) {
        // 304 as a browser gets it: the login's redirects already loaded « / », and the page is « no-cache »
        // (revalidated with If-Modified-Since, which Gatling's cache sends as browsers do).
        return exec(http("home: GET /").get("/").header("Accept", "text/html").check(status().in(200, 304)))
                .exec(Tally.timed(tally, "home: GET /api/me", http("home: GET /api/me").get("/api/me").check(status().is(200),
                        jsonPath("$.authenticated").ofBoolean().is(true), jsonPath("$.dossier").saveAs("dossier"))))
                .exec(Tally.timed(tally, "home: GET /api/portal", http("home: GET /api/portal").get("/api/portal")
                        .check(status().is(200))))
                .exec(Tally.timed(tally, "home: GET /api/identity/me/account", http("home: GET /api/identity/me/account")
                        .get("/api/identity/me/account").check(status().is(200),
                        jsonPath("$.mustAcceptCgu").ofBoolean().optional().saveAs("mustAcceptCgu"))))
                .exec(getCookieValue(CookieKey("XSRF-TOKEN").withDomain(BenchSettings.host(BenchSettings.PORTAL))
                        .saveAs("xsrfToken")))
                .doIf(s -> s.contains("mustAcceptCgu") && s.getBoolean("mustAcceptCgu")).then(
                        exec(http("cgu: GET /api/identity/cgu/current").get("/api/identity/cgu/current")
                                .check(status().is(200), jsonPath("$.version").saveAs("cguVersion")))
                                .exec(http("cgu: PUT /api/identity/me/cgu").put("/api/identity/me/cgu")
                                        .header("X-XSRF-TOKEN", "#{xsrfToken}")
                                        .body(StringBody("{\"version\":\"#{cguVersion}\",\"accepted\":true}")).asJson()
                                        .check(status().is(200))))
                .exec(Tally.timed(tally, "home: GET /api/messaging/unread-count", http("home: GET /api/messaging/unread-count")
                        .get("/api/messaging/unread-count").check(status().is(200))))
                .exec(Tally.timed(tally, "home: GET /api/messaging/news", http("home: GET /api/messaging/news")
                        .get("/api/messaging/news").check(status().is(200))));
    }

    /** A session logged in beforehand ({@link BenchFamilies#logIn}): its cookies put in this user's jar. */
    static ChainBuilder useSession() {
        return sessionCookie().exec(addCookie(Cookie("XSRF-TOKEN", "#{xsrfToken}")
                .withDomain(BenchSettings.host(BenchSettings.PORTAL)).withPath("/")));
    }

    /** The session cookie alone ({@code sessionCookie}), enough for reads. */
    static ChainBuilder sessionCookie() {
        return exec(addCookie(Cookie("PORTAIL_SESSION", "#{sessionCookie}")
                .withDomain(BenchSettings.host(BenchSettings.PORTAL)).withPath("/")));
    }
}
