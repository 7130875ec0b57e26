package org.hearth.audit;

import java.time.Clock;
import org.hearth.audit.chain.ChainStore;
import org.hearth.audit.chain.ChainVerifier;
import org.hearth.audit.chain.CheckpointSigner;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The chain over this service's own database, sealed with the deployment's signing key. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    CheckpointSigner checkpointSigner(AuditProperties properties) {
        return new CheckpointSigner(properties.signingKey());
    }

    @Bean
    ChainStore chainStore(TenantScopedMongo mongo, CheckpointSigner signer, Clock clock, AuditProperties properties) {
        ChainStore store = new ChainStore(mongo, signer, clock, properties.checkpointEvery());
        store.ensureIndexes();
        return store;
    }

    @Bean
    ChainVerifier chainVerifier(ChainStore store, CheckpointSigner signer, Clock clock) {
        return new ChainVerifier(store, signer, clock);
    }
}
