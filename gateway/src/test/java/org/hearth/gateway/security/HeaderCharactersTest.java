package org.hearth.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The firewall's header checks without its regular expressions: the same verdict as Spring's on every string. */
class HeaderCharactersTest {

    @Test
    void acceptAndRefuseExactlyWhatSpringSecuritysPredicatesDo() {
        List<String> samples = new ArrayList<>(List.of(
                "",
                "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
                "a\tb",
                "\t",
                "Grüße",
                "日本語",
                "emoji \uD83D\uDE00",
                "lone \uD800 surrogate",
                "lone \uDC00 low",
                "\u0378 unassigned",
                "\u0085 next line",
                "\u2028 line separator",
                "\u00A0 no-break space",
                "\uFFFF",
                "\u00AD soft hyphen",
                "\uDB40\uDC01 tag",
                "\uDB7F\uDFFF unassigned plane 14",
                "x\u007F"));
        for (char c = 0; c < 0x300; c++) { // every ASCII and Latin character alone and inside a value
            samples.add(String.valueOf(c));
            samples.add("value" + c + "value");
        }
        for (String sample : samples) {
            assertThat(HeaderCharacters.NAMES.test(sample))
                    .as("name %s", escaped(sample))
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(sample));
            assertThat(HeaderCharacters.VALUES.test(sample))
                    .as("value %s", escaped(sample))
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(sample));
        }
        assertThat(HeaderCharacters.NAMES.test(null)).isTrue();
        assertThat(HeaderCharacters.VALUES.test(null)).isTrue();
        // the ones that matter: control characters are refused, tab only in values
        assertThat(HeaderCharacters.VALUES.test("a\r\nInjected: yes")).isFalse();
        assertThat(HeaderCharacters.NAMES.test("a\tb")).isFalse();
        assertThat(HeaderCharacters.VALUES.test("a\tb")).isTrue();
    }

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints()
                .forEach(cp ->
                        out.append(cp >= 0x20 && cp < 0x7F ? Character.toString(cp) : "\\u" + Integer.toHexString(cp)));
        return out.toString();
    }
}
