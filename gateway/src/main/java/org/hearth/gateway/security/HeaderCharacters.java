package org.hearth.gateway.security;

import java.util.function.Predicate;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's firewall checks every header name and value a filter reads against a regular expression of
 * Unicode properties ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, tab allowed in values); the bearer token, read by
 * several filters, is over a kilobyte. These predicates accept exactly the same strings, code point by code point
 * ({@link Character#getType}: not unassigned, not a control character), with a shortcut for printable ASCII, which is
 * all a well-formed header holds. {@code HeaderCharactersTest} compares them with the firewall's own.
 */
final class HeaderCharacters {

    /** Header names and query parameter names: assigned code points, no control characters. */
    static final Predicate<String> NAMES = s -> allowed(s, false);
    /** Header values: the same, and tab. */
    static final Predicate<String> VALUES = s -> allowed(s, true);

    private HeaderCharacters() {}

    /** The firewall with these predicates in place of its regular expressions; every other rule as Spring's. */
    static StrictServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(NAMES);
        firewall.setAllowedHeaderValues(VALUES);
        firewall.setAllowedParameterNames(NAMES);
        return firewall;
    }

    static boolean allowed(String s, boolean tab) {
        if (s == null) {
            return true;
        }
        int i = 0;
        int length = s.length();
        while (i < length) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F || tab && c == '\t') {
                i++;
                continue;
            }
            int codePoint = s.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
