package org.hearth.billing.authorizations;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.hearth.billing.BillingSettings;
import org.hearth.billing.patients.BillingFile;
import org.hearth.billing.patients.BillingFiles;
import org.hearth.billing.patients.Coverage;
import org.hearth.billing.payers.Payer;
import org.hearth.billing.payers.PayerRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When a plan is signed, drafts a prior-authorization request for every ordered discipline whose payer (the coverage
 * billed first on the signing day) requires one and that no open request already covers. The request asks for the
 * order's most visits over a 60-day certification period. Ids derive from patient, plan version and discipline, so
 * a redelivered signature drafts nothing twice.
 */
@Component
public class AuthorizationDrafting {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationDrafting.class);
    static final int CERTIFICATION_DAYS = 60;

    private final AuthorizationRepository authorizations;
    private final BillingFiles files;
    private final PayerRepository payers;
    private final ZoneId zone;
    private final Clock clock;

    AuthorizationDrafting(
            AuthorizationRepository authorizations,
            BillingFiles files,
            PayerRepository payers,
            BillingSettings settings,
            Clock clock) {
        this.authorizations = authorizations;
        this.files = files;
        this.payers = payers;
        this.zone = settings.zone();
        this.clock = clock;
    }

    public int draftFor(CarePlanSignedV1 plan) {
        LocalDate signedOn = LocalDate.ofInstant(plan.signedAt(), zone);
        Optional<Coverage> coverage = files.find(plan.patientId()).flatMap(f -> f.billedFirstOn(signedOn));
        Optional<Payer> payer = coverage.flatMap(c -> payers.find(c.payerId())).map(PayerRepository.Versioned::payer);
        if (payer.isEmpty()) {
            log.info(
                    "Plan v{} of patient {}: no coverage on {}, no authorization drafted",
                    plan.planVersion(),
                    plan.patientId(),
                    signedOn);
            return 0;
        }
        int drafted = 0;
        for (CarePlanSignedV1.Order order : plan.frequencyOrders()) {
            if (!payer.get().requiresAuthorization(order.discipline())
                    || covered(plan.patientId(), order.discipline(), payer.get().id(), signedOn)) {
                continue;
            }
            String id = UUID.nameUUIDFromBytes((plan.patientId() + "|" + plan.planVersion() + "|" + order.discipline())
                            .getBytes(StandardCharsets.UTF_8))
                    .toString();
            var draft = PriorAuthorization.draft(
                    id,
                    plan.patientId(),
                    payer.get(),
                    coverage.get().id(),
                    order.discipline(),
                    Math.max(1, order.maxVisits()),
                    signedOn,
                    signedOn.plusDays(CERTIFICATION_DAYS - 1),
                    plan.planVersion(),
                    clock.instant());
            drafted += authorizations.insertIfAbsent(draft) ? 1 : 0;
        }
        return drafted;
    }

    private boolean covered(String patientId, String discipline, String payerId, LocalDate day) {
        return authorizations.of(patientId, discipline).stream()
                .map(AuthorizationRepository.Versioned::authorization)
                .anyMatch(a ->
                        a.open() && a.payerId().equals(payerId) && !day.isBefore(a.from()) && !day.isAfter(a.to()));
    }

    /** Whether the billing file lists a coverage of {@code payerId}; used to validate requests made by hand. */
    static boolean covers(BillingFile file, String payerId) {
        return file.coverages().stream().anyMatch(c -> c.payerId().equals(payerId));
    }
}
