package org.hearth.messaging;

import org.hearth.messaging.crypto.MessageCipher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The cipher, keyed by the deployment's master key (never in the repository). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(MessagingSettings.class)
class MessagingConfiguration {

    @Bean
    MessageCipher messageCipher(MessagingSettings settings) {
        return new MessageCipher(settings.masterKey(), settings.masterKeyVersion());
    }
}
