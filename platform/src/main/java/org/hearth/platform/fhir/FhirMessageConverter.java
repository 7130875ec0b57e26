package org.hearth.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Reads and writes HAPI resources (a {@code Patient}, a {@code Bundle}) as FHIR JSON with HAPI's parser, so a controller
 * returns and accepts model objects, never hand-made JSON. Reading is strict, like the REST API's refusal of unknown
 * fields: an unknown element or a wrong type is a 400, never silently dropped.
 */
public class FhirMessageConverter extends AbstractHttpMessageConverter<IBaseResource> {

    private final FhirContext fhir;

    public FhirMessageConverter(FhirContext fhir) {
        super(
                StandardCharsets.UTF_8,
                MediaType.parseMediaType(FhirPaths.FHIR_JSON),
                MediaType.parseMediaType("application/json+fhir"),
                MediaType.APPLICATION_JSON);
        this.fhir = fhir;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return IBaseResource.class.isAssignableFrom(clazz);
    }

    @Override
    protected IBaseResource readInternal(Class<? extends IBaseResource> clazz, HttpInputMessage input)
            throws IOException {
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        try {
            return parser.parseResource(clazz, new InputStreamReader(input.getBody(), StandardCharsets.UTF_8));
        } catch (DataFormatException | ClassCastException e) {
            // HAPI's message can quote the offending value; the answer says what is wrong without it
            throw new HttpMessageNotReadableException("not a FHIR R4 JSON " + clazz.getSimpleName(), e, input);
        }
    }

    @Override
    protected void writeInternal(IBaseResource resource, HttpOutputMessage output) throws IOException {
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        fhir.newJsonParser().encodeResourceToWriter(resource, writer);
        writer.flush();
    }
}
