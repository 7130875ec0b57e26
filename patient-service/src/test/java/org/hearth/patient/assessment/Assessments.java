package org.hearth.patient.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.hearth.platform.test.ApiClient;

/** A whole initial assessment for service tests, and the calls that write and complete it. */
public final class Assessments {

    private Assessments() {}

    /** Every safety item checked (rugs a hazard with an action), every activity rated, a goal, BP and HR. */
    public static String complete() {
        String safety = Arrays.stream(InitialAssessment.HazardItem.values())
                .map(item -> item == InitialAssessment.HazardItem.LOOSE_RUGS
                        ? "{\"item\":\"LOOSE_RUGS\",\"status\":\"HAZARD\",\"finding\":\"hall runner\",\"action\":\"remove runner\"}"
                        : "{\"item\":\"" + item + "\",\"status\":\"OK\"}")
                .collect(Collectors.joining(","));
        String adls = Arrays.stream(InitialAssessment.Adl.values())
                .map(adl -> "{\"activity\":\"" + adl + "\",\"level\":\""
                        + (adl == InitialAssessment.Adl.BATHING ? "NEEDS_ASSISTANCE" : "INDEPENDENT") + "\"}")
                .collect(Collectors.joining(","));
        return """
                {"baseline":[{"vital":"SYSTOLIC_BP","value":148,"unit":"mm[Hg]"},{"vital":"HEART_RATE","value":78}],
                 "medicalHistory":"CHF, type 2 diabetes",
                 "functional":[%s],"homeSafety":[%s],"goals":["Walk to the mailbox by Christmas"]}""".formatted(adls, safety);
    }

    /** Writes and completes the assessment of {@code patientId} as the holder of {@code token}. */
    public static void completeFor(ApiClient api, String patientId, String token) {
        String path = "/api/patients/v1/patients/" + patientId + "/assessment";
        ApiClient.Response written = api.send(api.request(path, token)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"0\"")
                .PUT(HttpRequest.BodyPublishers.ofString(complete())));
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        ApiClient.Response completed = api.send(api.request(path + "/completion", token)
                .header("If-Match", "\"1\"")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
    }
}
