package org.hearth.platform.test;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The architecture rules every service checks on its own code (ARCHITECTURE §1, §4, §5):
 * services share contracts, not code; domain code knows nothing of HTTP or Kafka; tenancy only
 * through the platform's {@code TenantScopedMongo}; feature packages depend on each other in one direction only.
 */
public final class ArchitectureRules {

    public static final List<String> SERVICE_PACKAGES = List.of(
            "org.hearth.patient",
            "org.hearth.scheduling",
            "org.hearth.messaging",
            "org.hearth.billing",
            "org.hearth.audit",
            "org.hearth.gateway");

    /** Spring stereotypes: the edges where web, Kafka and persistence code belongs. */
    private static final DescribedPredicate<JavaClass> EDGE = DescribedPredicate.or(
            annotatedWith("org.springframework.web.bind.annotation.RestController"),
            annotatedWith("org.springframework.web.bind.annotation.RestControllerAdvice"),
            annotatedWith("org.springframework.stereotype.Component"),
            annotatedWith("org.springframework.stereotype.Repository"),
            annotatedWith("org.springframework.stereotype.Service"),
            annotatedWith("org.springframework.context.annotation.Configuration"));

    private static final String EVENT_EDGE = "org.hearth.platform.events.EventEdge";

    private ArchitectureRules() {}

    public static JavaClasses importService(String servicePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
    }

    public static ArchRule noDependencyOnOtherServices(String servicePackage) {
        String[] others = SERVICE_PACKAGES.stream()
                .filter(p -> !p.equals(servicePackage))
                .map(p -> p + "..")
                .toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(servicePackage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("services share event contracts, never code");
    }

    public static ArchRule domainKnowsNoWebOrKafka(String servicePackage) {
        return noClasses()
                .that()
                .resideInAPackage(servicePackage + "..")
                .and(DescribedPredicate.not(EDGE))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "jakarta.servlet..",
                        "org.springframework.kafka..",
                        "org.apache.kafka..")
                .because("domain code returns events and values; HTTP and Kafka live in controllers and listeners");
    }

    public static ArchRule tenancyOnlyThroughPlatform(String servicePackage) {
        return noClasses()
                .that()
                .resideInAPackage(servicePackage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.mongodb..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.data.mongodb.core.MongoTemplate")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.data.mongodb.core.MongoOperations")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.data.mongodb.repository.MongoRepository")
                .because("every query must be tenant-scoped, which only TenantScopedMongo guarantees");
    }

    /**
     * Every Kafka listener hands its records to the platform's event edge, which validates them against their
     * contracts before any handler runs (ARCHITECTURE §12): no listener reads a record on its own.
     */
    public static ArchRule listenersGoThroughTheEventEdge(String servicePackage) {
        return methods()
                .that()
                .areAnnotatedWith("org.springframework.kafka.annotation.KafkaListener")
                .and()
                .areDeclaredInClassesThat()
                .resideInAPackage(servicePackage + "..")
                .should()
                .beDeclaredInClassesThat(DescribedPredicate.describe(
                        "use the platform's EventEdge",
                        (JavaClass listener) -> listener.getDirectDependenciesFromSelf().stream()
                                .anyMatch(d -> d.getTargetClass().getName().equals(EVENT_EDGE))))
                .allowEmptyShould(true)
                .because("no handler may act on a record that has not been checked against its contract");
    }

    /**
     * The feature packages directly below {@code basePackage} form no cycle: a feature that needs another's type
     * takes it from a package both can depend on, so each feature can be read, tested and moved on its own.
     */
    public static ArchRule noCyclesBetweenFeatures(String basePackage) {
        return slices().matching(basePackage + ".(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .because("a cycle between features means neither can change without the other");
    }

    /** All rules for one service, e.g. {@code checkService("org.hearth.patient")}. */
    public static void checkService(String servicePackage) {
        JavaClasses classes = importService(servicePackage);
        Stream.of(
                        noDependencyOnOtherServices(servicePackage),
                        domainKnowsNoWebOrKafka(servicePackage),
                        tenancyOnlyThroughPlatform(servicePackage),
                        listenersGoThroughTheEventEdge(servicePackage),
                        noCyclesBetweenFeatures(servicePackage))
                .forEach(rule -> rule.check(classes));
        RequestSizeCaps.check(classes);
    }
}
