package org.hearth.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.util.FhirTerser;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IValidationContext;
import ca.uhn.fhir.validation.IValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.ElementDefinition.ConstraintSeverity;
import org.hl7.fhir.r4.model.ElementDefinition.ElementDefinitionConstraintComponent;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;

/**
 * Validates FHIR R4 resources against the base R4 specification with HAPI's {@link FhirValidator}: the official R4
 * schemas (structure, cardinality, data types, required codes) and every error-level invariant of the base
 * StructureDefinitions (FHIRPath, e.g. {@code obs-6}, {@code per-1}, {@code dom-3}) on the resource, on each data
 * type instance in it, and on each resource of a Bundle. (HAPI's full instance validator,
 * {@code hapi-fhir-validation}, is not served here; these two modules are its core checks without terminology.)
 *
 * <pre>
 * FhirValidation.assertValid(FhirValidation.parse(responseBody));   // 0 errors, else the messages
 * Patient p = FhirValidation.roundTrip(patient);                    // encode + strict parse + validate
 * </pre>
 */
public final class FhirValidation {

    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static volatile FhirValidator validator;

    private FhirValidation() {}

    /** Strict parse (unknown elements fail) of FHIR JSON. */
    public static IBaseResource parse(String json) {
        return R4.newJsonParser()
                .setParserErrorHandler(new StrictErrorHandler())
                .parseResource(json);
    }

    /** Strict parse of FHIR JSON as the given type. */
    public static <T extends IBaseResource> T parse(Class<T> type, String json) {
        return R4.newJsonParser()
                .setParserErrorHandler(new StrictErrorHandler())
                .parseResource(type, json);
    }

    /** Encodes to JSON, parses it back strictly, checks nothing was lost, validates; returns the parsed copy. */
    @SuppressWarnings("unchecked")
    public static <T extends IBaseResource> T roundTrip(T resource) {
        String json = R4.newJsonParser().encodeResourceToString(resource);
        T back = parse((Class<T>) resource.getClass(), json);
        assertThat(R4.newJsonParser().encodeResourceToString(back))
                .as("JSON after a round trip")
                .isEqualTo(json);
        assertValid(back);
        return back;
    }

    /** The error (and fatal) messages; empty when the resource is valid. */
    public static List<SingleValidationMessage> errors(IBaseResource resource) {
        ValidationResult result = validator().validateWithResult(resource);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    /** Fails with every error message unless the resource has 0 errors. */
    public static void assertValid(IBaseResource resource) {
        List<String> errors = errors(resource).stream()
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
        assertThat(errors)
                .as("FHIR R4 validation errors of " + R4.getResourceType(resource))
                .isEmpty();
    }

    private static FhirValidator validator() {
        if (validator == null) {
            synchronized (FhirValidation.class) {
                if (validator == null) {
                    FhirValidator v = R4.newValidator();
                    v.setValidateAgainstStandardSchema(true);
                    v.setValidateAgainstStandardSchematron(false);
                    v.registerValidatorModule(new Invariants());
                    validator = v;
                }
            }
        }
        return validator;
    }

    /** The error-level FHIRPath invariants of the base StructureDefinitions. */
    static final class Invariants implements IValidatorModule {

        private final FHIRPathEngine engine;
        private final Map<String, StructureDefinition> definitions = new HashMap<>();
        private final Map<String, ExpressionNode> parsed = new HashMap<>();

        Invariants() {
            engine = new FHIRPathEngine(new HapiWorkerContext(R4, R4.getValidationSupport()));
            for (IBaseResource sd : R4.getValidationSupport().<IBaseResource>fetchAllStructureDefinitions()) {
                StructureDefinition definition = (StructureDefinition) sd;
                if (definition.getDerivation() == TypeDerivationRule.SPECIALIZATION) {
                    definitions.put(definition.getType(), definition);
                }
            }
        }

        @Override
        public void validateResource(IValidationContext<IBaseResource> context) {
            check((Resource) context.getResource(), context);
        }

        private void check(Resource resource, IValidationContext<IBaseResource> context) {
            StructureDefinition definition = definitions.get(resource.fhirType());
            if (definition != null) {
                for (ElementDefinition element : definition.getSnapshot().getElement()) {
                    List<ElementDefinitionConstraintComponent> constraints = errorConstraints(element);
                    if (constraints.isEmpty()) {
                        continue;
                    }
                    String path = element.getPath().replace("[x]", "");
                    for (Base focus : safeEvaluate(resource, path)) {
                        constraints.forEach(c -> test(resource, focus, c, element.getPath(), context));
                    }
                }
            }
            checkDataTypes(resource, context);
            if (resource instanceof Bundle bundle) {
                bundle.getEntry().stream()
                        .filter(Bundle.BundleEntryComponent::hasResource)
                        .forEach(entry -> check(entry.getResource(), context));
            }
            if (resource instanceof DomainResource domain) {
                domain.getContained().forEach(contained -> check(contained, context));
            }
        }

        /** Invariants of complex data types (Period per-1, Quantity qty-3, Reference ref-1 …) on each instance. */
        private void checkDataTypes(Resource resource, IValidationContext<IBaseResource> context) {
            FhirTerser terser = R4.newTerser();
            for (StructureDefinition type : definitions.values()) {
                if (type.getKind() != StructureDefinitionKind.COMPLEXTYPE
                        || type.getSnapshot().getElement().isEmpty()) {
                    continue;
                }
                List<ElementDefinitionConstraintComponent> constraints =
                        errorConstraints(type.getSnapshot().getElementFirstRep()).stream()
                                .filter(c -> !c.getKey().equals("ele-1"))
                                .toList();
                BaseRuntimeElementDefinition<?> runtime = R4.getElementDefinition(type.getType());
                if (constraints.isEmpty() || runtime == null) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Class<IBase> implementing = (Class<IBase>) runtime.getImplementingClass();
                for (IBase instance : terser.getAllPopulatedChildElementsOfType(resource, implementing)) {
                    constraints.forEach(c -> test(resource, (Base) instance, c, type.getType(), context));
                }
            }
        }

        private void test(
                Resource resource,
                Base focus,
                ElementDefinitionConstraintComponent constraint,
                String where,
                IValidationContext<IBaseResource> context) {
            try {
                ExpressionNode expression;
                synchronized (parsed) {
                    expression = parsed.computeIfAbsent(constraint.getExpression(), engine::parse);
                }
                if (isFalse(engine.evaluate(null, resource, resource, focus, expression))) {
                    message(
                            context,
                            ResultSeverityEnum.ERROR,
                            where,
                            constraint.getKey() + ": " + constraint.getHuman());
                }
            } catch (RuntimeException notEvaluable) {
                // an expression this engine cannot run is reported, but cannot fail the resource
                message(
                        context,
                        ResultSeverityEnum.INFORMATION,
                        where,
                        constraint.getKey() + " not evaluated: " + notEvaluable.getMessage());
            }
        }

        /**
         * An invariant fails when it evaluates to false. Empty is not false: R4's ref-1 on a reference with only a
         * display ({@code reference.startsWith('#').not() or …}) is empty, and R5 wrote out the same meaning with
         * {@code reference.exists() implies …}.
         */
        private static boolean isFalse(List<Base> result) {
            return result.size() == 1
                    && result.getFirst().isBooleanPrimitive()
                    && !Boolean.parseBoolean(result.getFirst().primitiveValue());
        }

        private List<Base> safeEvaluate(Resource resource, String path) {
            try {
                return engine.evaluate(resource, path);
            } catch (RuntimeException e) {
                return List.of();
            }
        }

        private static List<ElementDefinitionConstraintComponent> errorConstraints(ElementDefinition element) {
            return element.getConstraint().stream()
                    .filter(c -> c.getSeverity() == ConstraintSeverity.ERROR && c.hasExpression())
                    .toList();
        }

        private static void message(
                IValidationContext<IBaseResource> context, ResultSeverityEnum severity, String location, String text) {
            SingleValidationMessage message = new SingleValidationMessage();
            message.setSeverity(severity);
            message.setLocationString(location);
            message.setMessage(text);
            context.addValidationMessage(message);
        }
    }

    /** The resource types and data types whose invariants are checked (for a test that the table is not empty). */
    static Set<String> checkedTypes() {
        return new Invariants().definitions.keySet().stream().collect(Collectors.toUnmodifiableSet());
    }
}
