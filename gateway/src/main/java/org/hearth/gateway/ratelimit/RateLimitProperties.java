package org.hearth.gateway.ratelimit;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits under {@code hearth.gateway.rate-limit} (docs/gateway.md): token buckets per caller (one client
 * and one subject: a partner system, or one person in one app) and per agency (everyone of one organization
 * together), so that one partner's flood can neither starve the other callers of its agency nor other agencies.
 *
 * @param enabled   off only for benchmarks that measure the hop itself
 * @param store     {@code IN_PROCESS} for one gateway (the local stack), {@code REDIS} when replicas must share
 *                  the buckets
 * @param onStoreFailure what happens when Redis cannot answer: {@code ALLOW} (the default: care work goes on,
 *                  services still protect themselves with bounded pools) or {@code REFUSE} (503)
 * @param perCaller the default budget of one caller (20 per second, bursts of 40: a person in the console
 *                  opening a chart fires about ten calls at once)
 * @param perAgency the budget of one agency's callers together (100 per second, bursts of 200)
 * @param clients   per client id ({@code azp}) budgets that replace {@code perCaller}, e.g. a partner's contract
 */
@ConfigurationProperties("hearth.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("IN_PROCESS") Store store,
        @DefaultValue("ALLOW") OnStoreFailure onStoreFailure,
        Limit perCaller,
        Limit perAgency,
        Map<String, Limit> clients) {

    public enum Store {
        IN_PROCESS,
        REDIS
    }

    public enum OnStoreFailure {
        ALLOW,
        REFUSE
    }

    /**
     * @param perSecond tokens added per second: the sustained rate
     * @param burst     the bucket's size: how many requests may arrive at once after a quiet spell
     */
    public record Limit(double perSecond, int burst) {
        public Limit {
            if (perSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs perSecond > 0 and burst >= 1");
            }
        }
    }

    public RateLimitProperties {
        perCaller = perCaller == null ? new Limit(20, 40) : perCaller;
        perAgency = perAgency == null ? new Limit(100, 200) : perAgency;
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    Limit forClient(String clientId) {
        return clientId == null ? perCaller : clients.getOrDefault(clientId, perCaller);
    }
}
