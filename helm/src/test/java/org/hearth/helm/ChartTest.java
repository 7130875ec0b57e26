package org.hearth.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The chart through the real Helm (helm-java runs Helm's own Go code, no cluster): it lints, renders with the default
 * and the production values, every service gets what operations need, and bad values are refused with a message.
 */
class ChartTest {

    static final Path CHART = Path.of("hearth");
    static final List<String> SERVICES = List.of("gateway", "patient", "scheduling", "messaging", "billing", "audit");

    static String render(String... setKeyValues) {
        var template = new Helm(CHART).template().withName("hearth").withNamespace("hearth");
        for (int i = 0; i < setKeyValues.length; i += 2) {
            template.set(setKeyValues[i], setKeyValues[i + 1]);
        }
        return template.call();
    }

    static String renderProduction() {
        return new Helm(CHART)
                .template()
                .withName("hearth")
                .withNamespace("hearth")
                .withValuesFile(CHART.resolve("values-production.yaml"))
                .call();
    }

    /** Every document of a rendered manifest as a Kubernetes model object (fabric8). */
    static List<HasMetadata> parse(String manifest) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : manifest.split("(?m)^---\\s*$")) {
            if (document.replaceAll("(?m)^#.*$", "").isBlank()) {
                continue;
            }
            Object parsed = Serialization.unmarshal(document);
            assertThat(parsed).as(document).isInstanceOf(HasMetadata.class);
            resources.add((HasMetadata) parsed);
        }
        return resources;
    }

    static <T extends HasMetadata> T one(List<HasMetadata> resources, Class<T> kind, String service) {
        return resources.stream()
                .filter(kind::isInstance)
                .map(kind::cast)
                .filter(r -> r.getMetadata().getName().equals("hearth-" + service))
                .findFirst()
                .orElseThrow(() -> new AssertionError(kind.getSimpleName() + " of " + service + " missing"));
    }

    @Test
    void lintsCleanInStrictMode() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        System.out.println("helm lint --strict helm/hearth:\n  " + String.join("\n  ", lint.getMessages()));
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    /** Metrics name internal URLs and every agency's traffic: the gateway's actuator is never on its public port. */
    @Test
    void theGatewaysActuatorIsOnAManagementPortOnlyPrometheusAndTheProbesReach() {
        List<HasMetadata> resources = parse(render());
        Deployment deployment = one(resources, Deployment.class, "gateway");
        Container container =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getEnv())
                .anyMatch(e -> e.getName().equals("MANAGEMENT_SERVER_PORT")
                        && e.getValue().equals("9080"));
        assertThat(container.getEnv())
                .anyMatch(e -> e.getName().equals("HEARTH_CONSOLE_SECURE_COOKIE")
                        && e.getValue().equals("true"));
        assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal())
                .isEqualTo("management");
        assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal())
                .isEqualTo("management");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/port", "9080");
        NetworkPolicy policy = one(resources, NetworkPolicy.class, "gateway");
        assertThat(policy.getSpec().getIngress()).anySatisfy(rule -> {
            assertThat(rule.getPorts().get(0).getPort().getIntVal()).isEqualTo(9080);
            assertThat(rule.getFrom().get(0).getNamespaceSelector().getMatchLabels())
                    .doesNotContainValue("ingress-nginx");
        });
    }

    /** Two gateway replicas by default: their console sessions and rate-limit buckets are in the shared Redis. */
    @Test
    void gatewayReplicasShareSessionsAndRateLimitsInRedisByDefault() {
        List<HasMetadata> resources = parse(render());
        Container gateway = one(resources, Deployment.class, "gateway")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        assertThat(gateway.getEnv())
                .anyMatch(e -> e.getName().equals("SPRING_DATA_REDIS_URL")
                        && e.getValueFrom().getSecretKeyRef().getName().equals("hearth-redis"));
        assertThat(gateway.getEnv())
                .anyMatch(e -> e.getName().equals("HEARTH_SESSIONS_STORE")
                        && e.getValue().equals("redis"));
        assertThat(gateway.getEnv())
                .anyMatch(e -> e.getName().equals("HEARTH_GATEWAY_RATE_LIMIT_STORE")
                        && e.getValue().equals("REDIS"));
        assertThat(one(resources, NetworkPolicy.class, "gateway").getSpec().getEgress())
                .anyMatch(rule -> rule.getPorts().get(0).getPort().getIntVal() == 6379);

        Container single = one(parse(render("redis.enabled", "false")), Deployment.class, "gateway")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        assertThat(single.getEnv()).noneMatch(e -> e.getName().startsWith("SPRING_DATA_REDIS"));
    }

    /** Every service is the same: metrics and probes on the management port, the public port reachable in the pod. */
    @Test
    void everyServicesActuatorIsOnItsManagementPortAndEveryServiceListensOnThePodAddress() {
        List<HasMetadata> resources = parse(render());
        for (String service : SERVICES) {
            Deployment deployment = one(resources, Deployment.class, service);
            Container container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getEnv()).as(service).anyMatch(e -> e.getName().equals("MANAGEMENT_SERVER_PORT"));
            assertThat(container.getEnv())
                    .as(service)
                    .anyMatch(e ->
                            e.getName().equals("SERVER_ADDRESS") && e.getValue().equals("0.0.0.0"));
            assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal())
                    .as(service)
                    .isEqualTo("management");
            String managementPort = deployment
                    .getSpec()
                    .getTemplate()
                    .getMetadata()
                    .getAnnotations()
                    .get("prometheus.io/port");
            assertThat(container.getPorts())
                    .as(service)
                    .anyMatch(p -> p.getName().equals("http")
                            && !String.valueOf(p.getContainerPort()).equals(managementPort));
        }
    }

    @Test
    void everyServiceHasAutoscalingADisruptionBudgetProbesANetworkPolicyAndRunsAsNonRoot() {
        List<HasMetadata> resources = parse(render());
        for (String service : SERVICES) {
            Deployment deployment = one(resources, Deployment.class, service);
            var pod = deployment.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().get(0);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
                    .isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation())
                    .isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop())
                    .contains("ALL");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(container.getStartupProbe()).isNotNull();
            assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            assertThat(one(resources, HorizontalPodAutoscaler.class, service)
                            .getSpec()
                            .getMaxReplicas())
                    .isPositive();
            assertThat(one(resources, PodDisruptionBudget.class, service)
                            .getSpec()
                            .getMinAvailable()
                            .getIntVal())
                    .isEqualTo(1);
            NetworkPolicy policy = one(resources, NetworkPolicy.class, service);
            assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
            if (!service.equals("gateway")) {
                assertThat(policy.getSpec()
                                .getIngress()
                                .get(0)
                                .getFrom()
                                .get(0)
                                .getPodSelector()
                                .getMatchLabels())
                        .containsEntry("app.kubernetes.io/component", "gateway");
                assertThat(container.getEnv())
                        .anyMatch(e -> e.getName().equals("SPRING_MONGODB_URI")
                                && e.getValueFrom().getSecretKeyRef() != null);
            }
        }
        assertThat(resources).noneMatch(r -> r.getKind().equals("Secret")).as("the chart creates no secrets");
    }

    @Test
    void productionValuesRenderThreeReplicasTwoAlwaysUpAndTlsToKafka() {
        List<HasMetadata> resources = parse(renderProduction());
        for (String service : SERVICES) {
            assertThat(one(resources, PodDisruptionBudget.class, service)
                            .getSpec()
                            .getMinAvailable()
                            .getIntVal())
                    .isEqualTo(2);
        }
        assertThat(one(resources, HorizontalPodAutoscaler.class, "gateway")
                        .getSpec()
                        .getMinReplicas())
                .isEqualTo(3);
        Container billing = one(resources, Deployment.class, "billing")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        assertThat(billing.getEnv())
                .anyMatch(e -> e.getName().equals("SPRING_KAFKA_SECURITY_PROTOCOL")
                        && e.getValue().equals("SASL_SSL"));
        assertThat(resources)
                .anyMatch(r -> r.getKind().equals("ScaledObject")
                        && r.getMetadata().getName().equals("hearth-scheduling"));
        assertThat(resources)
                .filteredOn(r -> r.getKind().equals("KafkaTopic"))
                .hasSize(16)
                .anyMatch(topic -> topic.getMetadata().getName().equals("hearth-access-revocations")
                        && topic.toString().contains("retention.ms=3600000"));
        assertThat(resources).anyMatch(r -> r.getKind().equals("Ingress"));
    }

    /** A 2xx from a service means majority-acknowledged and journaled; reads see only majority-committed data. */
    @Test
    void everyServiceWritesWithMajorityAndJournalAndReadsMajorityCommittedData() {
        for (String manifest : List.of(render(), renderProduction())) {
            List<HasMetadata> resources = parse(manifest);
            for (String service : SERVICES.subList(1, SERVICES.size())) {
                Map<String, String> env = new java.util.HashMap<>();
                one(resources, Deployment.class, service)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getEnv()
                        .stream()
                        .filter(e -> e.getValue() != null)
                        .forEach(e -> env.put(e.getName(), e.getValue()));
                assertThat(env)
                        .as(service)
                        .containsEntry("HEARTH_PLATFORM_MONGO_WRITE_CONCERN", "majority")
                        .containsEntry("HEARTH_PLATFORM_MONGO_JOURNAL", "true")
                        .containsEntry("HEARTH_PLATFORM_MONGO_READ_CONCERN", "majority");
            }
        }
        assertThatThrownBy(() -> render("global.mongodb.writeConcern", "some")).hasMessageContaining("writeConcern");
        assertThatThrownBy(() -> render("global.mongodb.readConcern", "eventual"))
                .hasMessageContaining("readConcern");
    }

    @Test
    void renderedManifestsHaveNoFieldsKubernetesDoesNotKnow() {
        for (HasMetadata resource : parse(renderProduction())) {
            if (resource.getKind().equals("ScaledObject")
                    || resource.getKind().equals("KafkaTopic")
                    || resource.getKind().equals("PrometheusRule")) {
                continue; // custom resources: no model types here
            }
            assertThat(unknownFields(
                            resource, resource.getKind(), java.util.Collections.newSetFromMap(new IdentityHashMap<>())))
                    .as(resource.getKind() + " " + resource.getMetadata().getName())
                    .isEmpty();
        }
    }

    @Test
    void tracesLeaveThePodsOnlyForAnOtlpEndpointAndTheSamplingShareIsAValue() {
        Container quiet = one(parse(render()), Deployment.class, "patient")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        assertThat(quiet.getEnv())
                .noneMatch(e -> e.getName().equals("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"));
        assertThat(quiet.getEnv())
                .anyMatch(e -> e.getName().equals("MANAGEMENT_TRACING_SAMPLING_PROBABILITY")
                        && e.getValue().equals("0.1"));
        assertThat(render()).doesNotContain("PrometheusRule", "grafana_dashboard");

        List<HasMetadata> production = parse(renderProduction());
        for (String service : SERVICES) {
            Container container = one(production, Deployment.class, service)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0);
            assertThat(container.getEnv())
                    .as(service)
                    .anyMatch(e -> e.getName().equals("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")
                            && e.getValue().equals("http://otel-collector.monitoring.svc:4318/v1/traces"));
            assertThat(one(production, NetworkPolicy.class, service).getSpec().getEgress())
                    .as(service)
                    .anySatisfy(rule -> assertThat(rule.getPorts())
                            .anySatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(4318)));
        }
        assertThatThrownBy(() -> render("observability.tracing.samplingProbability", "2"))
                .hasMessageContaining("samplingProbability");
    }

    @Test
    void theDashboardAndTheAlertRulesShipBehindTheirFlags() throws Exception {
        List<HasMetadata> resources = parse(renderProduction());
        io.fabric8.kubernetes.api.model.ConfigMap dashboard = resources.stream()
                .filter(io.fabric8.kubernetes.api.model.ConfigMap.class::isInstance)
                .map(io.fabric8.kubernetes.api.model.ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals("hearth-observability-dashboard"))
                .findFirst()
                .orElseThrow();
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        var json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dashboard.getData().get("hearth.json"));
        assertThat(json.path("panels").size()).isGreaterThanOrEqualTo(12);
        assertThat(json.toString())
                .contains(
                        "hearth_outbox_oldest_age_seconds",
                        "hearth_events_dead_lettered_total",
                        "kafka_consumer_fetch_manager_records_lag_max",
                        "hearth_alerts_raised_total",
                        "hearth_alerts_notified_total",
                        "hearth_alerts_acknowledged_total",
                        "hearth_alerts_time_to_acknowledge_seconds_bucket",
                        "hearth_alerts_escalated_total",
                        "hearth_bookings_refused_total",
                        "hearth_planning_jobs_seconds_count",
                        "hearth_gateway_rate_limit_refused_total",
                        "hearth_live_streams_open");

        HasMetadata rule = resources.stream()
                .filter(r -> r.getKind().equals("PrometheusRule"))
                .findFirst()
                .orElseThrow();
        assertThat(rule.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        String manifest = renderProduction();
        String rules = manifest.substring(manifest.indexOf("kind: PrometheusRule"));
        assertThat(rules)
                .contains(
                        "alert: HearthOutboxStuck",
                        "alert: HearthDeadLettersGrowing",
                        "alert: HearthConsumerLag",
                        "alert: HearthAlertNoticeGap",
                        "hearth_outbox_oldest_age_seconds) > 120",
                        "increase(hearth_alerts_notified_total[6m])");
    }

    @Test
    void refusesBadValuesWithAClearMessage() {
        assertThatThrownBy(() -> render("services.patient.replicas", "-1"))
                .hasMessageContaining("services.patient.replicas")
                .hasMessageContaining("greater than or equal to 0");
        assertThatThrownBy(() -> render("global.keycloak.issuerUri", "")).hasMessageContaining("issuerUri");
        assertThatThrownBy(() -> render(
                        "services.scheduling.replicas", "13", "services.scheduling.autoscaling.enabled", "false"))
                .hasMessageContaining("topics have 12 partitions");
        assertThatThrownBy(() -> render("global.podSecurityContext.runAsNonRoot", "false"))
                .hasMessageContaining("runAsNonRoot");
        assertThatThrownBy(() -> render("services.billing.payerUrl", "ftp://x")).hasMessageContaining("payerUrl");
    }

    /** The audit store is the record (6 years, signed with a key from a Secret); hearth.audit is only its transport. */
    @Test
    void theAuditStoreKeepsSixYearsSignsWithASecretAndItsTopicIsATransport() {
        String manifest = renderProduction();
        Container audit = one(parse(manifest), Deployment.class, "audit")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        assertThat(audit.getEnv())
                .anyMatch(e -> e.getName().equals("HEARTH_AUDIT_RETENTION")
                        && e.getValue().equals("2192d"));
        assertThat(audit.getEnv())
                .anyMatch(e -> e.getName().equals("HEARTH_AUDIT_SIGNING_KEY")
                        && e.getValueFrom().getSecretKeyRef().getName().equals("hearth-audit-signing-key"));
        String auditTopic = manifest.substring(manifest.indexOf("topicName: hearth.audit\n"));
        assertThat(auditTopic.substring(
                        0, auditTopic.indexOf("---") < 0 ? auditTopic.length() : auditTopic.indexOf("---")))
                .contains("retention.ms: \"2592000000\"");
        String patientTopic = manifest.substring(manifest.indexOf("topicName: hearth.patient.events\n"));
        assertThat(patientTopic.substring(0, patientTopic.indexOf("---"))).doesNotContain("retention.ms");
    }

    @Test
    void aServiceCanBeTurnedOffAndScaledOnItsOwn() {
        List<HasMetadata> resources =
                parse(render("services.billing.enabled", "false", "services.scheduling.autoscaling.maxReplicas", "8"));
        assertThat(resources).noneMatch(r -> r.getMetadata().getName().equals("hearth-billing"));
        assertThat(one(resources, HorizontalPodAutoscaler.class, "scheduling")
                        .getSpec()
                        .getMaxReplicas())
                .isEqualTo(8);
        assertThat(one(resources, HorizontalPodAutoscaler.class, "patient")
                        .getSpec()
                        .getMaxReplicas())
                .isEqualTo(4);
    }

    /** Fields fabric8 kept in "additional properties": names the Kubernetes API would not recognise. */
    static List<String> unknownFields(Object node, String path, Set<Object> seen) {
        List<String> unknown = new ArrayList<>();
        if (node == null || !seen.add(node)) {
            return unknown;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknown.addAll(unknownFields(item, path + "[" + i++ + "]", seen));
            }
            return unknown;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknown.addAll(unknownFields(v, path + "." + k, seen)));
            return unknown;
        }
        if (!(node instanceof KubernetesResource)
                || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return unknown;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || !getter.getName().startsWith("get")
                    || getter.getName().equals("getClass")) {
                continue;
            }
            try {
                Object value = getter.invoke(node);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + " " + extra.keySet());
                    }
                } else {
                    unknown.addAll(
                            unknownFields(value, path + "." + getter.getName().substring(3), seen));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return unknown;
    }
}
