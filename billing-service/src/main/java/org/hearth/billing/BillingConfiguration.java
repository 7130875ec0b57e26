package org.hearth.billing;

import org.hearth.billing.eligibility.HttpPayerGateway;
import org.hearth.billing.eligibility.PayerGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The payer gateway: the clearinghouse (or, locally, the payer simulator) at {@code hearth.billing.payer.url}, each
 * attempt bounded by {@code timeout}, {@code attempts} tries with doubling back-off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(BillingSettings.class)
class BillingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PayerGateway payerGateway(BillingSettings settings) {
        BillingSettings.Payer payer = settings.payer();
        return new HttpPayerGateway(payer.url(), payer.timeout(), payer.attempts(), payer.backOff());
    }
}
