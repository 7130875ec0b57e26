package org.hearth.patient.agency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.platform.core.tokens.Revocation;
import org.hearth.platform.core.tokens.RevocationPublisher;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * An agency's people and partner systems in Keycloak. Every account created here is a member of the caller's
 * organization, so its tokens carry that agency; every change first checks that the account belongs to it,
 * so another agency's accounts answer 404. A step that fails after Keycloak created something removes it
 * again: no half-provisioned account is left behind. Hearth never sees or stores a password.
 */
@Component
public class AgencyDirectory {

    private static final Logger log = LoggerFactory.getLogger(AgencyDirectory.class);
    /** Client attribute naming the agency a partner client belongs to. */
    static final String AGENCY_ATTRIBUTE = "hearth.agency";

    private static final List<String> PARTNER_BASE_SCOPES =
            List.of("basic", "roles", "organization", "hearth-audiences");

    private final KeycloakAdmin keycloak;
    private final RevocationPublisher revocations;

    AgencyDirectory(KeycloakAdmin keycloak, RevocationPublisher revocations) {
        this.keycloak = keycloak;
        this.revocations = revocations;
    }

    public record Person(
            String id,
            String username,
            String email,
            String givenName,
            String familyName,
            boolean enabled,
            List<String> roles) {}

    public record NewPerson(String username, String email, String givenName, String familyName) {}

    record PartnerClient(String clientId, String name, boolean enabled, List<String> scopes) {}

    /** Created once: the secret is shown in this answer only; Keycloak keeps it, Hearth does not. */
    record NewPartnerClient(PartnerClient client, String clientSecret) {}

    // --- people -----------------------------------------------------------------------------------------

    List<Person> members(Agency agency, int first, int max) {
        List<Person> people = new ArrayList<>();
        for (JsonNode user :
                keycloak.get("/organizations/{org}/members?first={first}&max={max}", agency.id(), first, max)) {
            if (!user.path("username").asString().startsWith("service-account-")) {
                people.add(person(user));
            }
        }
        return people;
    }

    /**
     * The enabled accounts of the agency that hold a realm role (e.g. agency-admin, coordinator), as Keycloak subs:
     * the realm's holders of the role (direct mappings) that are also members of the agency's organization, so
     * another agency's admins never appear. Two reads whatever the agency's size; at most {@code max} of each.
     *
     * @throws ApiException BUSY when Keycloak administration is not configured, UPSTREAM_FAILED when Keycloak fails
     */
    public List<String> staffWithRole(String agencyId, String realmRole, int max) {
        Set<String> members = new java.util.HashSet<>();
        for (JsonNode user : keycloak.get("/organizations/{org}/members?first=0&max={max}", agencyId, max)) {
            members.add(user.path("id").asString());
        }
        List<String> holders = new ArrayList<>();
        for (JsonNode user :
                keycloak.get("/roles/{name}/users?first=0&max={max}&briefRepresentation=true", realmRole, max)) {
            String id = user.path("id").asString();
            if (members.contains(id) && user.path("enabled").asBoolean(true)) {
                holders.add(id);
            }
        }
        return holders.stream().sorted().toList();
    }

    Person member(Agency agency, String userId) {
        requireMember(agency, userId);
        return person(keycloak.get("/users/{id}", userId));
    }

    /**
     * The agency's account with exactly this username, if any: how a retried create (same Idempotency-Key) finds
     * the account its first attempt made, since Keycloak chooses the account's id and usernames are unique.
     */
    public Optional<Person> memberNamed(Agency agency, String username) {
        for (JsonNode user : keycloak.get("/users?username={username}&exact=true", username)) {
            String id = user.path("id").asString();
            if (username.equalsIgnoreCase(user.path("username").asString())
                    && keycloak.find("/organizations/{org}/members/{id}", agency.id(), id)
                            .isPresent()) {
                return Optional.of(person(user));
            }
        }
        return Optional.empty();
    }

    /**
     * Creates an enabled account that must set its password at first sign-in (Keycloak e-mails the link when
     * the realm has SMTP), joins it to the agency and gives it its roles.
     */
    public Person provision(Agency agency, NewPerson who, Set<String> realmRoles) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", who.username());
        user.put("email", who.email());
        user.put("firstName", who.givenName());
        user.put("lastName", who.familyName());
        user.put("enabled", true);
        user.put("emailVerified", false);
        user.put("requiredActions", List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
        String id = keycloak.create("/users", user);
        try {
            keycloak.post("/organizations/{org}/members", "\"" + id + "\"", agency.id());
            List<JsonNode> roles = realmRoles.stream()
                    .map(role -> keycloak.get("/roles/{name}", role))
                    .toList();
            keycloak.post("/users/{id}/role-mappings/realm", roles, id);
        } catch (RuntimeException e) {
            keycloak.delete("/users/{id}", id); // no account without its agency or roles
            throw e;
        }
        sendInvitation(id);
        return member(agency, id);
    }

    void disable(Agency agency, String userId) {
        requireMember(agency, userId);
        keycloak.put("/users/{id}", Map.of("enabled", false), userId);
        keycloak.post("/users/{id}/logout", Map.of(), userId); // ends sessions: no refresh token works any more
        revoke(Revocation.accountDisabled(userId, Instant.now())); // and no access token either, within a second
        log.info("account {} of agency {} disabled", userId, agency.alias());
    }

    /** Repeating the disable after a 503 is safe: Keycloak's calls are idempotent and so is a revocation. */
    private void revoke(Revocation revocation) {
        try {
            revocations.publish(revocation);
        } catch (IllegalStateException unpublished) {
            throw new ApiException(
                    ProblemType.BUSY,
                    "Disabled, but the revocation of the tokens already issued could "
                            + "not be sent yet. Please repeat the request shortly.");
        }
    }

    /** Removes an account that was provisioned moments ago, when the step after it failed. */
    public void remove(String userId) {
        keycloak.delete("/users/{id}", userId);
    }

    private void requireMember(Agency agency, String userId) {
        if (!userId.matches("[0-9a-fA-F-]{36}")
                || keycloak.find("/organizations/{org}/members/{id}", agency.id(), userId)
                        .isEmpty()) {
            throw ApiException.notFound("account");
        }
    }

    private void sendInvitation(String userId) {
        try {
            keycloak.put(
                    "/users/{id}/execute-actions-email?lifespan=604800",
                    List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"),
                    userId);
        } catch (ApiException e) { // no SMTP configured in the realm: the admin hands over the sign-in another way
            log.info("invitation e-mail for account {} not sent: {}", userId, e.getMessage());
        }
    }

    private Person person(JsonNode user) {
        List<String> roles = new ArrayList<>();
        for (JsonNode role :
                keycloak.get("/users/{id}/role-mappings/realm", user.path("id").asString())) {
            String name = role.path("name").asString();
            if (StaffRole.ofRealmRole(name).isPresent() || "family".equals(name)) {
                roles.add(name);
            }
        }
        return new Person(
                user.path("id").asString(),
                user.path("username").asString(),
                user.path("email").asString(null),
                user.path("firstName").asString(null),
                user.path("lastName").asString(null),
                user.path("enabled").asBoolean(),
                roles.stream().sorted().toList());
    }

    // --- partner systems --------------------------------------------------------------------------------

    NewPartnerClient createPartner(Agency agency, String name, Set<PartnerScope> scopes) {
        String clientId = partnerClientId(agency, name);
        List<String> clientScopes = new ArrayList<>(PARTNER_BASE_SCOPES);
        scopes.stream().map(PartnerScope::clientScope).sorted().forEach(clientScopes::add);
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("name", name);
        client.put("enabled", true);
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-secret");
        client.put("serviceAccountsEnabled", true);
        client.put("standardFlowEnabled", false);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.put("attributes", Map.of(AGENCY_ATTRIBUTE, agency.id()));
        client.put("defaultClientScopes", clientScopes);
        client.put("optionalClientScopes", List.of());
        String uuid = keycloak.create("/clients", client);
        try {
            String account = keycloak.get("/clients/{id}/service-account-user", uuid)
                    .path("id")
                    .asString();
            keycloak.post(
                    "/users/{id}/role-mappings/realm", List.of(keycloak.get("/roles/{name}", "partner")), account);
            keycloak.post("/organizations/{org}/members", "\"" + account + "\"", agency.id());
            String secret = keycloak.get("/clients/{id}/client-secret", uuid)
                    .path("value")
                    .asString();
            return new NewPartnerClient(partner(keycloak.get("/clients/{id}", uuid)), secret);
        } catch (RuntimeException e) {
            keycloak.delete("/clients/{id}", uuid); // a partner without its agency or role would be useless or worse
            throw e;
        }
    }

    /** The client id follows from the agency and the name, so a retried create finds what its first attempt made. */
    private static String partnerClientId(Agency agency, String name) {
        return agency.alias() + "-"
                + name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /**
     * The agency's partner client of this name with its secret, as {@link #createPartner} answered it: for a retry
     * of the same create (same Idempotency-Key and body), whose first answer may never have reached the caller.
     */
    Optional<NewPartnerClient> existingPartner(Agency agency, String name) {
        for (JsonNode client : keycloak.get("/clients?clientId={clientId}", partnerClientId(agency, name))) {
            if (agency.id()
                    .equals(client.path("attributes").path(AGENCY_ATTRIBUTE).asString(null))) {
                String uuid = client.path("id").asString();
                return Optional.of(new NewPartnerClient(
                        partner(client),
                        keycloak.get("/clients/{id}/client-secret", uuid)
                                .path("value")
                                .asString()));
            }
        }
        return Optional.empty();
    }

    List<PartnerClient> partners(Agency agency) {
        List<PartnerClient> partners = new ArrayList<>();
        // Keycloak's attribute search (q=) answers every client when it does not index the attribute, so the
        // agency is checked here on each client: the filter is ours, not the identity provider's
        for (JsonNode client : keycloak.get("/clients?q={q}&max=1000", AGENCY_ATTRIBUTE + ":" + agency.id())) {
            if (agency.id()
                    .equals(client.path("attributes").path(AGENCY_ATTRIBUTE).asString(null))) {
                partners.add(partner(client));
            }
        }
        return partners;
    }

    void disablePartner(Agency agency, String clientId) {
        JsonNode client = partnerOf(agency, clientId);
        keycloak.put(
                "/clients/{id}", Map.of("enabled", false), client.path("id").asString());
        revoke(Revocation.partnerDisabled(clientId, Instant.now()));
        log.info("partner client {} of agency {} disabled", clientId, agency.alias());
    }

    private JsonNode partnerOf(Agency agency, String clientId) {
        for (JsonNode client : keycloak.get("/clients?clientId={clientId}", clientId)) {
            if (agency.id()
                    .equals(client.path("attributes").path(AGENCY_ATTRIBUTE).asString(null))) {
                return client;
            }
        }
        throw ApiException.notFound("partner client");
    }

    private PartnerClient partner(JsonNode client) {
        List<String> scopes = new ArrayList<>();
        for (JsonNode scope : client.path("defaultClientScopes")) {
            PartnerScope.ofClientScope(scope.asString()).ifPresent(s -> scopes.add(s.scopeName()));
        }
        return new PartnerClient(
                client.path("clientId").asString(),
                client.path("name").asString(null),
                client.path("enabled").asBoolean(),
                scopes.stream().sorted().toList());
    }
}
