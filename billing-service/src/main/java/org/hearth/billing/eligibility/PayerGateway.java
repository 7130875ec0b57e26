package org.hearth.billing.eligibility;

/**
 * The edge to payers (usually through a clearinghouse). Implementations never hang and never throw for a payer's
 * failure: every call ends in an answer whose status says what happened.
 */
public interface PayerGateway {

    /** X12 service type code 42: home health care. */
    String HOME_HEALTH = "42";

    enum Status {
        ACTIVE,
        INACTIVE,
        NOT_FOUND,
        ERROR,
        TIMEOUT
    }

    /** @param reference the payer's control or tracking number when it answered */
    record Answer(Status status, int attempts, String reference) {}

    /** An X12 270 inquiry for home health benefits of one member; the 271 read into a status. */
    Answer checkEligibility(String payerCode, String memberId);

    /** An X12 278 request for prior authorization; ACTIVE with the payer's tracking number when it was received. */
    Answer submitAuthorization(String payerCode, String memberId, String discipline, int units, boolean expedited);
}
