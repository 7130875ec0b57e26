package org.hearth.platform.fhir;

import org.hearth.platform.security.Caller;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * SMART Backend Services scopes on the FHIR endpoints. A partner system (realm role {@code partner}) needs
 * {@code system/<Type>.read} to read or search a type and {@code system/<Type>.write} to create one
 * ({@code system/*.read|write} grants every type); without it the answer is a 403 OperationOutcome. Staff are not
 * partners: their roles and relationships decide, as on the REST API. Which patients a partner sees is the
 * services' referral rule ({@link #partner()}).
 */
public final class SmartScopes {

    private SmartScopes() {}

    public static boolean isPartner() {
        return Caller.hasRole("partner");
    }

    /** Refuses a partner without {@code system/<type>.read}. */
    public static void requireRead(String type) {
        require(type, "read");
    }

    /** Refuses a partner without {@code system/<type>.write}. */
    public static void requireWrite(String type) {
        require(type, "write");
    }

    /**
     * The partner organisation the caller speaks for: the token's {@code partner_id} claim (a hospital's REST and
     * SMART clients share it, so each sees the patients the other referred), else {@code client:<azp>}; null when
     * the caller is not a partner.
     */
    public static String partner() {
        if (!isPartner()) {
            return null;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            String partnerId = jwt.getToken().getClaimAsString("partner_id");
            if (partnerId != null && !partnerId.isBlank()) {
                return partnerId;
            }
            String client = jwt.getToken().getClaimAsString("azp");
            return "client:" + (client == null ? jwt.getToken().getSubject() : client);
        }
        return null;
    }

    private static void require(String type, String access) {
        if (isPartner()
                && !Caller.hasScope("system/" + type + "." + access)
                && !Caller.hasScope("system/*." + access)) {
            throw new FhirException(
                    HttpStatus.FORBIDDEN,
                    IssueType.FORBIDDEN,
                    "The token lacks the scope system/" + type + "." + access + ".");
        }
    }
}
