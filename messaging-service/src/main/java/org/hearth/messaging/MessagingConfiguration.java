package org.hearth.messaging;

import org.hearth.messaging.crypto.MessageCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The cipher, keyed by the deployment's master key (never in the repository). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MessagingConfiguration {

    @Bean
    MessageCipher messageCipher(@Value("${hearth.messaging.master-key:}") String masterKey,
            @Value("${hearth.messaging.master-key-version:1}") int version) {
        return new MessageCipher(masterKey, version);
    }
}
