package org.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web console in a real browser (issue 13): Debian's Chromium, driven by {@code playwright-core} from
 * {@code src/test/browser/console.mjs}, signs in through the real Keycloak page as the coordinator and as a family
 * member (and a nurse and a physician), checks each one's main page and its accessibility (axe-core), the family
 * member writing in the family thread once the coordinator has shared Jane's care, that the family member cannot reach
 * staff pages or staff APIs, that no token is readable in the browser, and that signing out ends the Keycloak session. Screenshots land in
 * {@code target/screenshots/}.
 * <p>
 * By default the test uses the stack on the system-test ports when one is up (started by another system test class,
 * which also stops it), else starts its own with {@code ./hearth} and stops it afterwards.
 * {@code -Dhearth.console.base-url=http://127.0.0.1:58080} runs it against a stack that is already up instead.
 * <p>
 * <b>Chromium missing at {@code /usr/bin/chromium} (or {@code -Dhearth.chromium}) fails the test loudly</b> rather
 * than skipping it: a green build must mean the browser checks ran. {@code .ci/run} installs it
 * ({@code apt-get install -y chromium}); never let a tool download its own browser.
 */
@ExtendWith(SharedStack.class) // the one stack of every system test class (none with -Dhearth.console.base-url)
class ConsoleBrowserIT {

    static final Path CHROMIUM = Path.of(System.getProperty("hearth.chromium", "/usr/bin/chromium"));
    static final String EXTERNAL =
            System.getProperty("hearth.console.base-url", "").strip();
    static final Path ROOT =
            Path.of(System.getProperty("hearth.root", "..")).toAbsolutePath().normalize();
    static final Path SCRIPTS = ROOT.resolve("system-tests/src/test/browser");
    static final Path TARGET = ROOT.resolve("system-tests/target");

    @BeforeAll
    static void up() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("""

                    ************************************************************************************************
                    CHROMIUM IS MISSING: %s does not exist, so the browser tests of the web console cannot run.
                    Install Debian's Chromium:   apt-get update && apt-get install -y chromium   (.ci/run does this)
                    or point -Dhearth.chromium at a Chromium binary. Skip all system tests with -DskipSystemTests.
                    ************************************************************************************************
                    """.formatted(CHROMIUM));
        }
    }

    static String baseUrl() {
        return EXTERNAL.isEmpty() ? "http://127.0.0.1:" + LocalStack.GATEWAY_PORT : EXTERNAL;
    }

    @Test
    void coordinatorAndFamilySignInThroughKeycloakSeeTheirOwnPagesAndSignOut() throws Exception {
        installPlaywrightCore();
        Path screenshots = TARGET.resolve("screenshots");
        Path log = TARGET.resolve("browser-console.log");

        Result run = run(
                List.of("node", "console.mjs"),
                Map.of(
                        "HEARTH_BASE_URL",
                        baseUrl(),
                        "SCREENSHOTS",
                        screenshots.toString(),
                        "CHROMIUM",
                        CHROMIUM.toString()),
                log,
                1200);

        assertThat(run.exitCode())
                .as("node console.mjs against %s (log %s):%n%s", baseUrl(), log, run.output())
                .isZero();
        assertThat(run.output())
                .contains(
                        "ok - coordinator dashboard: every section loaded without an error",
                        "ok - the chart of Jane Doe shows \"Care circle\"",
                        "ok - the chart of Jane Doe shows no error",
                        "ok - family member opening /console/dashboard is told the page is not available",
                        "ok - family member calling billing through the console API gets 403",
                        "ok - coordinator: after signing out Keycloak asks for the password again",
                        "ok - family: no token in localStorage or sessionStorage",
                        "ok - family member writes to the care team: the message is in the family thread",
                        "ok - live: the coordinator, on another page, is told of Fran's message without reloading",
                        "ok - live: the coordinator's answer appears in Fran's family thread without reloading",
                        "ok - signing in again after the session expired returns to the family portal",
                        "ok - nina.nurse lands on \"My day\" without an error",
                        "ok - dr.patel lands on \"Signatures and alerts\" without an error",
                        // journey chart
                        "ok - coordinator sees the vitals charts of Jane Doe (systolic pressure, heart rate)",
                        "ok - the systolic chart draws the alert threshold at 160 as a labelled line",
                        "ok - the readings are also a data table for screen readers",
                        "ok - coordinator sees what the draft changes, each line marked in words",
                        "ok - clinical patient chart: no serious accessibility violation",
                        "ok - signing waits until the physician confirms the review",
                        "ok - dr.patel signs plan version", // … of Jane Doe after reviewing the diff: it leaves the
                        // list
                        "ok - dr.patel resolves the alert with a note: it leaves the inbox",
                        "ok - billing sees claim readiness per patient, Jane Doe included",
                        "ok - claim readiness: no serious accessibility violation",
                        "ok - family member enters a heart rate reading for Jane Doe: it is among the latest readings",
                        "ok - family member sees the caregiver resources section",
                        "ok - family portal shows nothing of billing",
                        "ok - family portal with vitals: no serious accessibility violation",
                        // journey schedule
                        "ok - schedule board shows the week: clinicians by day",
                        "ok - schedule board: no serious accessibility violation",
                        "a nursing visit of Jane Doe to Nina Nurse through the board",
                        "ok - the board shows the visit in Nina Nurse's row",
                        "ok - the optimizer's progress bar moves live and reaches the end",
                        "ok - the optimizer's score arrives from the server-sent events",
                        "ok - the optimizer proposes a plan",
                        "ok - the coordinator applies the plan: Applied:",
                        "ok - schedule board with the optimizer: no serious accessibility violation",
                        // journey roster
                        "ok - the roster lists the clinicians with disciplines, skills, certifications, hours and time off",
                        "ok - roster: no serious accessibility violation",
                        "ok - the roster shows Pete Therapist's Lymphedema therapy (CLT) with its expiry warning in words",
                        "ok - the roster shows Pete Therapist's day off on",
                        "ok - the board says why an unassigned visit cannot be booked:",
                        "ok - schedule board with blockers: no serious accessibility violation",
                        "ok - Enter on the visit opens the booking panel with the keyboard focus on its heading",
                        "ok - the panel offers free slots of Nina Nurse",
                        "ok - each clinician comes with load and travel:",
                        "ok - slot times are labelled in the agency's zone, whatever the browser's:",
                        "ok - booking panel with free slots: no serious accessibility violation",
                        "ok - Enter on a slot fills the form and moves the focus to Book",
                        "ok - after booking, the keyboard focus is on the sentence saying what was booked: \"Booked: the Nursing visit of Jane Doe",
                        "a nursing visit of Jane Doe with the keyboard only, from the slot",
                        "ok - telehealth slots need no travel:",
                        "ok - the coordinator books a telehealth visit of Jane Doe at",
                        // visits: the clinician's day with EVV, and staff messages with an urgent photo
                        "ok - My day draws Nina's route: a line from her home base through",
                        "ok - My day with the drawn route: no serious accessibility violation",
                        "ok - Nina checks in with the browser's location at Jane's home: EVV location verified, no exception",
                        "ok - Nina checks out with her location: the visit is completed and the visit note shared",
                        "ok - the visit note is in Jane Doe's care-team thread",
                        "ok - a photo over 1 MB is refused in the browser, with a sentence, before anything is sent",
                        "ok - Nina sends an urgent message with a photo to Dr. Patel in Jane Doe's care-team thread",
                        "ok - Messages: the care-team thread: no serious accessibility violation",
                        "ok - Dr. Patel sees Nina's urgent message with its photo under \"Urgent messages\" in his inbox",
                        "ok - physician inbox with urgent messages: no serious accessibility violation",
                        "ok - Dr. Patel acknowledges the urgent message; it leaves his urgent list",
                        "ok - the care-team thread shows the urgent message as acknowledged by Dr. Patel",
                        // journey intake
                        "ok - partner system gets a client-credentials token from Keycloak",
                        "ok - the inbox lists",
                        "ok - referral inbox: no serious accessibility violation",
                        "ok - referral decision: no serious accessibility violation",
                        "ok - admission: homebound without a reason is refused with a sentence next to the field",
                        "ok - admission form: no serious accessibility violation",
                        "ok - after admission the transition-of-care tasks created are shown, with their due dates",
                        "ok - declining without a reason is refused with a sentence",
                        "ok - completing an empty assessment is refused: each missing part is a sentence next to its field",
                        "ok - a hazard without an action is refused with a sentence next to its action field",
                        "ok - assessment form: no serious accessibility violation",
                        "ok - the clinical profile shows homebound status with its reason, the diagnoses and the allergy",
                        "ok - the chart lists the assessment's home-safety hazards with their actions",
                        "ok - carla.coordinator marks the interactive contact done; the face-to-face visit stays open",
                        "ok - chart with the clinical profile: no serious accessibility violation",
                        // journey optimizer
                        "ok - carla scopes a job to Jane Doe",
                        "ok - the optimizer proposes a plan for Jane Doe",
                        "ok - the plan says what it achieves against the current schedule: Visits planned:",
                        "ok - the plan shows no raw cost",
                        "ok - its time is on the agency's 5-minute grid in the agency's zone, without seconds",
                        "ok - why this clinician and time:",
                        "ok - carla pins one visit",
                        "ok - carla applies the plan: Applied:",
                        "ok - scoped optimizer plan: no serious accessibility violation",
                        "no two at her home at the same time",
                        "ok - a sick call for Nina Nurse on",
                        "ok - the repair plan is there to review",
                        "ok - sick-call repair plan: no serious accessibility violation",
                        // journey careplan: plan editor with live parsing, submission, signature, care circle, huddle
                        "shows the parser's own message under the field",
                        "ok - careplan: the fixed order \"SN 2W4, PT 3W2\" is said in words: Skilled nursing: 2 visits a week for 4 weeks",
                        "ok - careplan: submitting with a goal dated in the past is refused with the rule as a sentence",
                        "of Jane Doe's plan is saved and submitted for signature",
                        "ok - plan editor: no serious accessibility violation",
                        "ok - careplan: dr.patel reviews the diet change before signing",
                        "of Jane Doe's plan in his inbox",
                        "consent to see the visit schedule; it is kept after a reload",
                        "ok - care team and circle: no serious accessibility violation",
                        "ok - careplan: the huddle records a decision linked to plan version",
                        "ok - huddles: no serious accessibility violation",
                        // journey billing
                        "coverage with Medicare Part A (member A-JDOE-MEDA",
                        "ok - billing checks the eligibility of Jane Doe with Medicare Part A and reads the answer",
                        "ok - the coverage row shows the latest eligibility answer",
                        "ok - billing workbench: no serious accessibility violation",
                        "ok - the authorizations table has a patient column",
                        "ok - claim readiness counts Jane Doe's draft authorization as blocking",
                        "ok - billing submits a draft authorization of Jane Doe to the payer",
                        "ok - billing records the payer's approval of Jane Doe's authorization with its units",
                        "ok - live: billing's second tab shows the approval without reloading",
                        "ok - live: billing's stream is open on every page, never refused",
                        "ok - claim readiness changes live once approved",
                        "ok - authorizations with claim readiness: no serious accessibility violation",
                        "ok - billing downloads the CSV of the filtered lines",
                        "ok - billable lines: no serious accessibility violation",
                        "ok - billing opening a clinical page is not told it \"is for agency staff\"",
                        "ok - an unknown patient URL shows one not-found page (1 heading, 0 \"could not be found\" boxes)",
                        "ok - patient not found: no serious accessibility violation",
                        "links to the open critical alerts",
                        "ok - open alerts: no serious accessibility violation",
                        "ok - live: the banner names the sender and the patient: \"You have a new message from");
        for (String name : List.of(
                "coordinator-dashboard",
                "coordinator-patients",
                "coordinator-patient-chart",
                "family-portal",
                "family-forbidden-staff-page",
                "clinician-my-day",
                "physician-inbox",
                "coordinator-patient-chart-clinical",
                "physician-signed-plan",
                "billing-claim-readiness",
                "family-portal-vitals",
                "coordinator-schedule-board",
                "coordinator-optimizer",
                "clinician-route",
                "physician-urgent",
                "coordinator-referral-inbox",
                "coordinator-assessment",
                "coordinator-clinical-profile")) {
            assertThat(screenshots.resolve(name + ".png")).as("screenshot").isNotEmptyFile();
        }
        for (String name : List.of("coordinator-roster", "coordinator-booking-slots")) { // journey roster
            assertThat(screenshots.resolve(name + ".png")).as("screenshot").isNotEmptyFile();
        }
        for (String name : List.of("coordinator-optimizer-scoped", "coordinator-sick-call")) { // journey optimizer
            assertThat(screenshots.resolve(name + ".png")).as("screenshot").isNotEmptyFile();
        }
        // journey family
        assertThat(run.output())
                .contains(
                        "ok - tomorrow's visit offers no \"Check in\" button before its window opens",
                        "ok - the visit says why and when check-in opens: \"Check-in is not open yet: it opens at",
                        "ok - an \"Open in maps\" link opens Jane's address in the phone's maps app",
                        "ok - My day, tomorrow: no serious accessibility violation",
                        "ok - the plan reads in plain Spanish words:",
                        "ok - the family was told in its thread, in Spanish, that a nursing visit was booked",
                        "ok - family portal in Spanish: no serious accessibility violation",
                        "ok - the Spanish choice survives a reload",
                        "ok - Fran writes to the care team in Spanish: her message is in the family thread",
                        "ok - Dr. Patel, Jane's lead physician, takes part in the family thread and sees Fran's message under her name",
                        "ok - family thread for the lead physician: no serious accessibility violation",
                        "ok - Dr. Patel answers Fran in the family thread",
                        "ok - Fran sees the lead physician's answer from the care team, in the Spanish portal");
        for (String name : List.of("clinician-any-day", "family-portal-spanish", "physician-family-thread")) {
            assertThat(screenshots.resolve(name + ".png")).as("screenshot").isNotEmptyFile();
        }
        for (String name : List.of(
                "coordinator-plan-editor", "coordinator-care-circle", "coordinator-huddle")) { // journey careplan
            assertThat(screenshots.resolve(name + ".png")).as("screenshot").isNotEmptyFile();
        }
        for (String name : List.of(
                "billing-workbench",
                "billing-authorizations",
                "billing-lines",
                "coordinator-patient-not-found")) { // journey billing
            assertThat(screenshots.resolve(name + ".png")).as("screenshot").isNotEmptyFile();
        }
        // journey trust: who viewed the record, break-glass and its review, sharing (plan and visits) with another
        // agency and
        // revoking it
        assertThat(run.output())
                .contains(
                        "ok - Fran sees Nina Nurse's read of Jane's record today",
                        "ok - Fran sees Priya Patel's read of Jane's record today",
                        "ok - who viewed the record: no serious accessibility violation",
                        "ok - Fran asks the privacy officer about Priya Patel's access",
                        "ok - noah.nurse is refused the chart of Jane Doe: not on the care team",
                        "ok - emergency access needs a reason",
                        "ok - noah.nurse reads the chart of Jane Doe under emergency access, with its end shown",
                        "ok - chart under emergency access: no serious accessibility violation",
                        "ok - the privacy officer sees Noah Night's emergency access to Jane Doe with its reason",
                        "ok - the privacy officer sees Fran Doe's question about an access",
                        "ok - break-glass review: no serious accessibility violation",
                        "ok - the privacy officer revokes Noah Night's emergency access",
                        "ok - the reviewed access leaves the review queue",
                        "ok - after the revocation the nurse's next look at the chart is refused",
                        "ok - carla records Jane's consent to share the plan of care in brief and the visits with riverbend",
                        "ok - sharing consents: no serious accessibility violation",
                        "ok - rita.coordinator reads the plan of care in brief of Jane Doe shared by Sunrise",
                        "ok - rita.coordinator sees the visits of Jane Doe shared by Sunrise",
                        "ok - what was not shared is not shown",
                        "ok - shared record: no serious accessibility violation",
                        "ok - after the revocation Riverbend's next look at the shared record gets the not-found page",
                        "ok - shared record no longer shared: no serious accessibility violation");
        for (String name : List.of(
                "family-who-viewed",
                "clinician-emergency-access",
                "privacy-break-glass-review",
                "coordinator-sharing",
                "riverbend-shared-record",
                "riverbend-shared-record-revoked")) { // journey trust
            assertThat(screenshots.resolve(name + ".png")).as("screenshot").isNotEmptyFile();
        }
    }

    /** {@code npm ci} of the pinned playwright-core (the driver only: browser downloads are switched off). */
    private static void installPlaywrightCore() throws Exception {
        if (Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core"))) {
            return;
        }
        Result install =
                run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), TARGET.resolve("browser-npm.log"), 300);
        assertThat(install.exitCode())
                .as("npm ci in %s:%n%s", SCRIPTS, install.output())
                .isZero();
    }

    record Result(int exitCode, String output) {}

    private static Result run(List<String> command, Map<String, String> env, Path log, int timeoutSeconds)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(SCRIPTS.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }
}
