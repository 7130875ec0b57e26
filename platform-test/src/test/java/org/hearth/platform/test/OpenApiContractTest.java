package org.hearth.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OpenApiContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theSameDocumentPrintsTheSameBytesWhateverTheOrderOfItsKeys() {
        String one = OpenApiContract.canonical(JSON.readTree("""
                {"paths":{"/b":{"get":{}},"/a":{"post":{"tags":["z","y"]}}},"openapi":"3.1.0"}"""));
        String other = OpenApiContract.canonical(JSON.readTree("""
                {"openapi":"3.1.0","paths":{"/a":{"post":{"tags":["z","y"]}},"/b":{"get":{}}}}"""));

        assertThat(one).isEqualTo(other).endsWith("}\n");
        assertThat(one.indexOf("/a")).isLessThan(one.indexOf("/b"));
        assertThat(one.indexOf("\"z\"")).as("array order is meaning, kept").isLessThan(one.indexOf("\"y\""));
    }

    @Test
    void theIdentityProvidersAddressIsNotPartOfTheContract() {
        String one = OpenApiContract.canonical(JSON.readTree("""
                {"components":{"schemas":{"A":{}},"securitySchemes":{"keycloak":{"description":"http://127.0.0.1:1"}}}}"""));
        String other = OpenApiContract.canonical(JSON.readTree("""
                {"components":{"schemas":{"A":{}},"securitySchemes":{"keycloak":{"description":"http://127.0.0.1:2"}}}}"""));

        assertThat(one).isEqualTo(other).contains("\"A\"").doesNotContain("127.0.0.1");
    }

    @Test
    void aDifferenceIsShownAtItsFirstLine() {
        String shown = OpenApiContract.firstDifference("a\nb\nc\nd\n", "a\nb\nX\nd\n");

        assertThat(shown).contains("first difference at line 3", "served > X", "stored > c");
    }
}
