package org.hearth.bench.day;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What the platform operator does with Keycloak's admin API when an agency is onboarded (docs/agencies.md): the
 * organization and its first agency admin. It also stands in for each new person's "set your password" step
 * (there is no mail server locally), exactly as AgencyAdministrationIT does.
 */
final class KeycloakAdmin {

    static final String PASSWORD = "Hearth-Demo-2026";

    private final Http http;
    private final String adminPassword;
    private String token;
    private long tokenNanos;

    KeycloakAdmin(String keycloak, String adminPassword) {
        this.http = new Http(keycloak);
        this.adminPassword = adminPassword;
    }

    /** The organization's id, created when missing (looked up by its name, which Keycloak keeps unique). */
    String organization(String alias, String name) {
        Optional<String> found = findOrganization(alias, name);
        if (found.isPresent()) {
            return found.get();
        }
        admin(
                        "POST",
                        "/organizations",
                        Map.of(
                                "name",
                                name,
                                "alias",
                                alias,
                                "enabled",
                                true,
                                "domains",
                                List.of(Map.of("name", alias + ".example"))))
                .expect("creating organization " + alias);
        return findOrganization(alias, name).orElseThrow();
    }

    /** The organization of that name and alias ({@code search} matches names and domains, not aliases). */
    Optional<String> findOrganization(String alias, String name) {
        for (JsonNode org : admin("GET", "/organizations?exact=true&search=" + enc(name), null)
                .expect("organizations")
                .body()) {
            if (alias.equals(org.path("alias").asString())) {
                return Optional.of(org.path("id").asString());
            }
        }
        return Optional.empty();
    }

    /** The agency's first admin: a user with a password, realm role agency-admin, member of the organization. */
    String agencyAdmin(String username, String organizationId) {
        Optional<String> existing = user(username);
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = admin(
                        "POST",
                        "/users",
                        Map.of(
                                "username",
                                username,
                                "enabled",
                                true,
                                "emailVerified",
                                true,
                                "firstName",
                                "Agency",
                                "lastName",
                                "Admin",
                                "email",
                                username + "@day.example",
                                "credentials",
                                List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))))
                .expect("creating user " + username)
                .createdId();
        JsonNode role = admin("GET", "/roles/agency-admin", null)
                .expect("role agency-admin")
                .body();
        admin("POST", "/users/" + id + "/role-mappings/realm", List.of(role)).expect("role of " + username);
        admin("POST", "/organizations/" + organizationId + "/members", "\"" + id + "\"")
                .expect("membership of " + username);
        return id;
    }

    Optional<String> user(String username) {
        for (JsonNode u : admin("GET", "/users?exact=true&username=" + enc(username), null)
                .expect("users")
                .body()) {
            return Optional.of(u.path("id").asString());
        }
        return Optional.empty();
    }

    /** The person's own first sign-in step, done for them: a password, no pending required action. */
    void setPassword(String userId) {
        Http.Answer set = admin(
                "PUT",
                "/users/" + userId + "/reset-password",
                Map.of("type", "password", "value", PASSWORD, "temporary", false));
        // a person an earlier run made (its state file gone, Keycloak kept) has this password already
        boolean hadIt = set.status() == 400
                && "invalidPasswordHistoryMessage"
                        .equals(set.body().path("error").asString(""));
        if (!hadIt) {
            set.expect("password of " + userId);
        }
        admin("PUT", "/users/" + userId, Map.of("requiredActions", List.of(), "emailVerified", true))
                .expect("required actions of " + userId);
    }

    private Http.Answer admin(String method, String path, Object body) {
        return http.send(method, "/admin/realms/hearth" + path, adminToken(), body, null);
    }

    /** The master realm's admin token, taken again after 50 s (they live 60). */
    private synchronized String adminToken() {
        if (token == null || System.nanoTime() - tokenNanos > 50_000_000_000L) {
            String form = "grant_type=password&client_id=admin-cli&username=admin&password=" + enc(adminPassword);
            Http.Answer answer = http.sendForm("/realms/master/protocol/openid-connect/token", form);
            token = answer.expect("Keycloak admin token")
                    .body()
                    .path("access_token")
                    .asString();
            tokenNanos = System.nanoTime();
        }
        return token;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
