package org.hearth.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ReadConcern;
import com.mongodb.ServerAddress;
import com.mongodb.WriteConcern;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

class StoreClientSettingsTest {

    static StoreProperties defaults(String w, Boolean j, String read) {
        return new StoreProperties(
                Duration.ofMillis(1500),
                Duration.ofSeconds(1),
                Duration.ofMillis(1500),
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                w,
                j,
                read);
    }

    @Test
    void failsFastByDefaultAndKeepsTheDriversConcerns() {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        new StoreClientSettings(defaults(null, null, null)).customize(builder);
        MongoClientSettings settings = builder.build();

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(1500);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(1000);
        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(5000);
        assertThat(settings.getConnectionPoolSettings().getMaxWaitTime(TimeUnit.MILLISECONDS))
                .isEqualTo(1500);
        assertThat(settings.getWriteConcern()).isEqualTo(WriteConcern.ACKNOWLEDGED);
        assertThat(settings.getReadConcern()).isEqualTo(ReadConcern.DEFAULT);
    }

    @Test
    void productionConcernsAreMajorityJournaledAndAnOptionInTheUriStillWins() {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        new StoreClientSettings(defaults("majority", true, "majority")).customize(builder);
        MongoClientSettings production = builder.build();
        assertThat(production.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
        assertThat(production.getReadConcern()).isEqualTo(ReadConcern.MAJORITY);

        // Boot's own customizer applies spring.mongodb.uri after ours
        builder.applyConnectionString(new ConnectionString("mongodb://db/x?serverSelectionTimeoutMS=9000"));
        MongoClientSettings overridden = builder.build();
        assertThat(overridden.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(9000);
        assertThat(overridden.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(5000);
        assertThat(overridden.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
    }

    @Test
    void anUnreachableStoreIsToldApartFromABug() {
        var broken = new MongoSocketReadException("reset", new ServerAddress());
        assertThat(StoreUnavailable.is(new IllegalStateException("wrapped", broken)))
                .isTrue();
        assertThat(StoreUnavailable.is(new DataAccessResourceFailureException("down")))
                .isTrue();
        assertThat(StoreUnavailable.is(new DuplicateKeyException("dup"))).isFalse();
        assertThat(StoreUnavailable.is(new IllegalStateException("bug"))).isFalse();
    }
}
