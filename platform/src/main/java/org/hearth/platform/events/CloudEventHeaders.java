package org.hearth.platform.events;

/** Kafka header names of the CloudEvents 1.0 binary mode and Hearth's extensions. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String TENANT = "ce_tenantid";
    public static final String CORRELATION = "ce_correlationid";
    public static final String TRACEPARENT = "traceparent";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {}
}
