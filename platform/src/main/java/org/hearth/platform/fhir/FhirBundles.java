package org.hearth.platform.fhir;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.util.ForwardedHeaderUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Searchset Bundles: {@code total}, {@code self}/{@code next}/{@code previous} links that keep the request's
 * parameters and move {@code _offset}, absolute {@code fullUrl}s. URLs are built from the request as the caller sent
 * it (through the gateway's {@code X-Forwarded-*} / {@code Forwarded} headers), so links work from outside.
 */
public final class FhirBundles {

    private FhirBundles() {}

    /**
     * A searchset of one page of matches.
     *
     * @param page     the page that was asked for ({@link FhirPage#of})
     * @param matches  the resources of this page only ({@link FhirPage#slice})
     * @param total    how many resources match in all pages
     * @param included resources added by {@code _include} (search mode {@code include}); may be empty
     */
    public static Bundle searchset(
            HttpServletRequest request,
            FhirPage page,
            List<? extends Resource> matches,
            long total,
            List<? extends Resource> included) {
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().setLastUpdated(Date.from(Instant.now()));
        bundle.setType(BundleType.SEARCHSET);
        bundle.setTotal((int) Math.min(Integer.MAX_VALUE, total));
        String base = baseUrl(request);
        UriComponentsBuilder self = requestUrl(request);
        bundle.addLink().setRelation("self").setUrl(string(self));
        if (page.count() > 0 && page.offset() + page.count() < total) {
            bundle.addLink().setRelation("next").setUrl(withOffset(request, page, page.offset() + page.count()));
        }
        if (page.offset() > 0 && page.count() > 0) {
            bundle.addLink()
                    .setRelation("previous")
                    .setUrl(withOffset(request, page, Math.max(0, page.offset() - page.count())));
        }
        for (Resource match : matches) {
            bundle.addEntry()
                    .setFullUrl(fullUrl(base, match))
                    .setResource(match)
                    .getSearch()
                    .setMode(SearchEntryMode.MATCH);
        }
        for (Resource include : included) {
            bundle.addEntry()
                    .setFullUrl(fullUrl(base, include))
                    .setResource(include)
                    .getSearch()
                    .setMode(SearchEntryMode.INCLUDE);
        }
        return bundle;
    }

    /** A searchset of everything given (one page, no paging links beyond {@code self}), e.g. for {@code $everything}. */
    public static Bundle searchset(HttpServletRequest request, List<? extends Resource> all) {
        return searchset(request, new FhirPage(Math.max(all.size(), 1), 0), all, all.size(), List.of());
    }

    /** The FHIR base as the caller sees it, e.g. {@code https://hearth.example/fhir/R4}. */
    public static String baseUrl(HttpServletRequest request) {
        return string(requestUrl(request)
                .replacePath(request.getContextPath() + FhirPaths.BASE)
                .replaceQuery(null));
    }

    /** {@code <base>/<Type>/<id>} of a resource whose id is set. */
    public static String fullUrl(String base, Resource resource) {
        return base + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }

    private static String withOffset(HttpServletRequest request, FhirPage page, int offset) {
        return string(
                requestUrl(request).replaceQueryParam("_offset", offset).replaceQueryParam("_count", page.count()));
    }

    /** The request's query is already encoded: keep it as sent (encoding it again would turn %2B into %252B). */
    private static String string(UriComponentsBuilder url) {
        try {
            return url.build(true).toUriString();
        } catch (IllegalArgumentException notEncoded) {
            return url.build().encode().toUriString();
        }
    }

    private static UriComponentsBuilder requestUrl(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        if (request.getQueryString() != null) {
            url.append('?').append(request.getQueryString());
        }
        HttpHeaders headers = new ServletServerHttpRequest(request).getHeaders();
        return ForwardedHeaderUtils.adaptFromForwardedHeaders(URI.create(url.toString()), headers);
    }
}
