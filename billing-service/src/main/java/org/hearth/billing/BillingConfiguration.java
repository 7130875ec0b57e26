package org.hearth.billing;

import org.hearth.billing.eligibility.HttpPayerGateway;
import org.hearth.billing.eligibility.PayerGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.net.URI;
import java.time.Duration;

/**
 * The payer gateway: the clearinghouse (or, locally, the payer simulator) at {@code hearth.billing.payer.url}, each
 * attempt bounded by {@code timeout}, {@code attempts} tries with doubling back-off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BillingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PayerGateway payerGateway(@Value("${hearth.billing.payer.url:http://127.0.0.1:8090/}") URI url,
            @Value("${hearth.billing.payer.timeout:PT2S}") Duration timeout,
            @Value("${hearth.billing.payer.attempts:3}") int attempts,
            @Value("${hearth.billing.payer.back-off:PT0.2S}") Duration backOff) {
        return new HttpPayerGateway(url, timeout, attempts, backOff);
    }
}
