package org.hearth.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class ArchitectureRulesTest {

    final JavaClasses breakers = new ClassFileImporter().importPackages("org.hearth.billing.fixture");
    final JavaClasses clean = new ClassFileImporter().importPackages("org.hearth.patient.fixture");

    @Test
    void catchesDependencyOnAnotherServicesCode() {
        assertThat(ArchitectureRules.noDependencyOnOtherServices("org.hearth.billing")
                        .evaluate(breakers)
                        .hasViolation())
                .isTrue();
    }

    @Test
    void catchesDomainCodeUsingWebTypes() {
        assertThat(ArchitectureRules.domainKnowsNoWebOrKafka("org.hearth.billing")
                        .evaluate(breakers)
                        .hasViolation())
                .isTrue();
    }

    @Test
    void catchesDatabaseAccessAroundTheTenantScope() {
        assertThat(ArchitectureRules.tenancyOnlyThroughPlatform("org.hearth.billing")
                        .evaluate(breakers)
                        .hasViolation())
                .isTrue();
    }

    @Test
    void catchesAListenerThatBypassesTheEventEdge() {
        JavaClasses listener = new ClassFileImporter().importPackages("org.hearth.fixture.listener");

        assertThat(ArchitectureRules.listenersGoThroughTheEventEdge("org.hearth.fixture")
                        .evaluate(listener)
                        .hasViolation())
                .isTrue();
        assertThat(ArchitectureRules.listenersGoThroughTheEventEdge("org.hearth.patient")
                        .evaluate(clean)
                        .hasViolation())
                .as("no listener, nothing to refuse")
                .isFalse();
    }

    @Test
    void catchesCollectionsInRequestBodiesWithoutAMaximumAtAnyDepth() {
        JavaClasses uncapped = new ClassFileImporter().importClasses(org.hearth.fixture.sizes.UncappedController.class);
        JavaClasses capped = new ClassFileImporter().importClasses(org.hearth.fixture.sizes.CappedController.class);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RequestSizeCaps.check(uncapped))
                .hasMessageContaining("UncappedController.create(@RequestBody).lines[].notes")
                .hasMessageContaining("UncappedController.create(@RequestBody).extras")
                .hasMessageContaining("UncappedController.tags(@RequestBody)")
                .hasMessageNotContaining(".lines\n");
        RequestSizeCaps.check(capped);
    }

    @Test
    void catchesACycleBetweenFeaturePackages() {
        JavaClasses cycle = new ClassFileImporter().importPackages("org.hearth.fixture.cycle");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ArchitectureRules.noCyclesBetweenFeatures("org.hearth.fixture.cycle")
                                .check(cycle))
                .hasMessageContaining("Cycle detected: invoices -> ")
                .hasMessageContaining("Dependencies of orders")
                .hasMessageContaining(
                        "Field <org.hearth.fixture.cycle.orders.Order.invoice> has type <org.hearth.fixture.cycle.invoices.Invoice>");
        assertThat(ArchitectureRules.noCyclesBetweenFeatures("org.hearth.patient")
                        .evaluate(clean)
                        .hasViolation())
                .as("one feature package, no cycle")
                .isFalse();
    }

    @Test
    void passesCleanCode() {
        assertThat(ArchitectureRules.tenancyOnlyThroughPlatform("org.hearth.patient")
                        .evaluate(clean)
                        .hasViolation())
                .isFalse();
        assertThat(ArchitectureRules.noDependencyOnOtherServices("org.hearth.patient")
                        .evaluate(clean)
                        .hasViolation())
                .isFalse();
    }
}
