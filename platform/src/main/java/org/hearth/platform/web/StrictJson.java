package org.hearth.platform.web;

import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Dates and times are ISO-8601 strings, nothing else. Jackson also reads {@code "from": 0} as 1970-01-01 (epoch days
 * or seconds), {@code [2026,12,3]} as a date, and {@code []} or {@code {}} as no date at all; in a request body each
 * is a client's mistake, and a silent one: a consent starting in 1970, or an absent start taken as "today". Every
 * Hearth API documents these fields as strings, so any other JSON shape is a 400 like any other wrong type. The rule
 * covers every {@code java.time} type (Jackson's coercion settings alone do not reach {@code Instant} or
 * {@code OffsetDateTime}, nor arrays), for every service's mapper. JSON null stays null: whether a field may be
 * absent is the request's own validation.
 */
public final class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.addModule(new SimpleModule("hearth-strict-json")
                .setDeserializerModifier(new ValueDeserializerModifier() {
                    @Override
                    public ValueDeserializer<?> modifyDeserializer(
                            DeserializationConfig config,
                            BeanDescription.Supplier description,
                            ValueDeserializer<?> deserializer) {
                        Class<?> type = description.getBeanClass();
                        boolean time = TemporalAccessor.class.isAssignableFrom(type)
                                || TemporalAmount.class.isAssignableFrom(type);
                        return time ? new OnlyStrings(deserializer) : deserializer;
                    }
                }));
    }

    /** The type's own deserializer, for a JSON string only. */
    private static final class OnlyStrings extends DelegatingDeserializer {

        OnlyStrings(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new OnlyStrings(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            return super.deserialize(parser, context);
        }
    }
}
