package org.hearth.audit.chain;

import java.util.List;
import org.hearth.audit.AuditProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code ./hearth audit-verify [agency]}: the service started with {@code --hearth.audit.verify=<agency id|all>}
 * (no consumers, a random port) walks the chains straight from its database with the deployment's key, prints one line
 * per agency and exits 0 when every chain is intact, 1 when one is broken (naming the first broken link), 2 when the
 * agency has no chain.
 */
@Component
@ConditionalOnProperty("hearth.audit.verify")
class VerifyCommand implements ApplicationRunner {

    private final ChainStore store;
    private final ChainVerifier verifier;
    private final ConfigurableApplicationContext context;
    private final String agency;

    VerifyCommand(
            ChainStore store,
            ChainVerifier verifier,
            ConfigurableApplicationContext context,
            AuditProperties properties) {
        this.store = store;
        this.verifier = verifier;
        this.context = context;
        this.agency = properties.verify();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> agencies = "all".equals(agency) ? store.agencies() : List.of(agency);
        int code = agencies.isEmpty() || !store.agencies().containsAll(agencies) ? 2 : 0;
        if (code == 2) {
            System.out.println("audit-verify: no audit chain for " + agency);
        }
        for (String each : agencies) {
            Verification verification = verifier.verify(each);
            System.out.println("audit-verify: " + verification.line());
            if (!verification.intact()) {
                code = 1;
            }
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
