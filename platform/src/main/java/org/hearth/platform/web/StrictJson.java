package org.hearth.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;

/**
 * A number is not a date. Jackson reads {@code "from": 0} as 1970-01-01 (epoch days or seconds); in a request body
 * that is always a client's mistake, and a silent one: a consent starting in 1970 or a visit at the epoch. Dates,
 * times and durations are ISO-8601 strings in every Hearth API, so a number where one is expected is a 400 like any
 * other wrong type. The rule covers every {@code java.time} type (Jackson's coercion settings alone do not reach
 * {@code Instant} or {@code OffsetDateTime}), for every service's mapper.
 */
public final class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.addModule(new SimpleModule("hearth-strict-json").setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                boolean time = TemporalAccessor.class.isAssignableFrom(type) || TemporalAmount.class.isAssignableFrom(type);
                return time ? new NoNumbers(deserializer) : deserializer;
            }
        }));
    }

    /** The type's own deserializer, after refusing a number. */
    private static final class NoNumbers extends DelegatingDeserializer {

        NoNumbers(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new NoNumbers(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != null && parser.currentToken().isNumeric()) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            return super.deserialize(parser, context);
        }
    }
}
