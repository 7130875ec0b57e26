// Generated from contracts/openapi/patients.json by `npm run api` (web/). Do not edit: change the service,
// run ./hearth api-contracts, and let the compiler show what the change breaks.

export interface paths {
    "/api/patients/v1/access-questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Questions about accesses not answered yet, newest first (at most 200) */
        get: operations["open_1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/access-questions/{questionId}/answered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a question answered (the privacy officer replied to the family) */
        post: operations["answered"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/agency/care-staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agency's staff who may join a care team
         * @description Enabled accounts holding a caring realm role (not billing, not family), with name and roles only, sorted by name
         */
        get: operations["list_8"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/agency/caregiver-resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agency's caregiver resources
         * @description By category, then title; filter by category (RESPITE, SUPPORT_GROUP, EDUCATION)
         */
        get: operations["list_6"];
        put?: never;
        /**
         * Add a caregiver resource
         * @description Links must be http(s) addresses. With Idempotency-Key, a retry of the same request answers the same resource and adds nothing twice; the same key with another body is 422
         */
        post: operations["add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/agency/caregiver-resources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One caregiver resource */
        get: operations["get_8"];
        put?: never;
        post?: never;
        /** Remove a caregiver resource */
        delete: operations["remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/agency/partner-clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agency's partner clients and their scopes (never their secrets) */
        get: operations["list_5"];
        put?: never;
        /**
         * Create a partner client
         * @description Scopes: referrals:write, observations:write, patients:read. The answer holds the client secret once; Hearth does not keep it (Keycloak does). With Idempotency-Key, a retry of the same request answers the client the first attempt made, with its secret (that first answer may have been lost), and creates none; the same key with another body is 422
         */
        post: operations["create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/agency/partner-clients/{clientId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a partner client: it gets no new tokens */
        post: operations["disable_1"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/agency/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agency's people (staff and family accounts), with their roles */
        get: operations["list_4"];
        put?: never;
        /**
         * Provision a staff account
         * @description Creates the Keycloak account in the agency's organization with the given roles; the person sets a password at first sign-in (Keycloak sends the e-mail when SMTP is configured). 409 when the username or e-mail exists. With Idempotency-Key, a retry of the same request answers the account the first attempt made (201, same Location) and creates no second one; the same key with another body is 422
         */
        post: operations["provision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/agency/staff/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account of the agency */
        get: operations["get_7"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/agency/staff/{userId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable an account
         * @description Signs the person out everywhere; their refresh tokens stop working at once and access tokens expire within 5 minutes.
         */
        post: operations["disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agency's alerts, newest first
         * @description Filter by status, e.g. OPEN
         */
        get: operations["queue_1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/break-glass": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The privacy officer's review queue
         * @description Grants not reviewed yet, newest first; status=all lists reviewed ones too (at most 200)
         */
        get: operations["queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/break-glass/{grantId}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a grant reviewed, with a note
         * @description It leaves the review queue; the grant itself runs on until it expires or is revoked
         */
        post: operations["review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/break-glass/{grantId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a grant now
         * @description The clinician's next request is refused (403)
         */
        post: operations["revoke_1"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/care-plans/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open drafts
         * @description Plans with an open draft: the whole agency for coordinators, the caller's care teams' patients for clinicians and physicians. Page from 0, size 1-200 (default 50). Read a plan itself, with its ETag, at /patients/{patientId}/care-plan
         */
        get: operations["drafts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/frequency-orders/parse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read a frequency notation without saving it
         * @description E.g. "SN 2W4, PT 3W2". Answers 200 with valid=true, the canonical notation and each order (visits per week and weeks, PRN visits, total weeks, most scheduled visits), or valid=false and the parser's message, the same one the draft save answers with 400
         */
        post: operations["parse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List patients
         * @description Coordinators see the whole agency, clinicians their care teams' patients, family their care circles'. Sorted by family name; page from 0, size 1-200 (default 50)
         */
        get: operations["list_1"];
        put?: never;
        /**
         * Admit a patient
         * @description Publishes PatientAdmitted.v1 on hearth.patient.events. With Idempotency-Key, a retry of the same request answers the same patient (201, same Location) and admits nobody twice; the same key with another body is 422
         */
        post: operations["admit_1"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one patient
         * @description Another agency's patient answers 404
         */
        get: operations["get_5"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/access-questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask the privacy officer about one access to the record
         * @description For the care circle's point of contact with the ACCESS_LOG consent (403 otherwise). With Idempotency-Key, a retry answers the same question.
         */
        post: operations["ask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/alert-thresholds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Effective thresholds
         * @description Each default with this patient's limit, if set
         */
        get: operations["get_3"];
        /**
         * Set this patient's limits
         * @description Keys as in GET (e.g. SYSTOLIC_BP_HIGH_HIGH); limits must be physiologically possible. Replaces all overrides; If-Match required
         */
        put: operations["set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One patient's alerts, newest first */
        get: operations["ofPatient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/alerts/{alertId}/acknowledgement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge an open alert
         * @description Stops its escalation; 409 if not open
         */
        post: operations["acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/alerts/{alertId}/resolution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve an alert
         * @description With a note and optionally the care plan version that answers it; 409 if already resolved
         */
        post: operations["resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/assessment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_2"];
        /**
         * Write the assessment in progress
         * @description If-Match ("0" for the first write); 409 once completed. Baseline vitals in UCUM units, checked like readings
         */
        put: operations["write"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/assessment/completion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete the assessment
         * @description 400 listing every missing part (all 12 safety items, all 6 activities, a goal, blood pressure and heart rate); publishes AssessmentCompleted.v1
         */
        post: operations["complete_1"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/break-glass": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the record in an emergency
         * @description For a clinician of the agency who is not on the care team (409 if they are). The reason is required. Read access to what a care-team clinician reads, for hearth.access.break-glass (4 h by default); every access is audited as break-glass. Publishes BreakGlassOpened.v1 (the privacy officers and the lead physician are told). With Idempotency-Key, a retry answers the same grant.
         */
        post: operations["open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/care-circle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The care circle with each member's consent scopes */
        get: operations["get_1"];
        /**
         * Replace the care circle
         * @description Records who granted each consent and when; If-Match required. Publishes CareCircleChanged.v1
         */
        put: operations["replace_1"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/care-circle/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite a care-circle member to sign in
         * @description The member (by display name) must be in the circle without an account yet. Creates a family account in Keycloak (username = e-mail) and links it; publishes CareCircleChanged.v1. With Idempotency-Key, a retry of the same request answers the same account and link and creates no second account; the same key with another body (or patient) is 422
         */
        post: operations["invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/care-plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The active plan and the open draft
         * @description ETag is the version for If-Match
         */
        get: operations["current"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/care-plan/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What changed between two versions
         * @description Entries added and removed per section
         */
        get: operations["diff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/care-plan/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Write the draft
         * @description Rewrites the open draft, or opens a new draft version on top of the active plan. Frequency in clinicians' notation, e.g. "SN 2W4, PT 3W2" (400 if unreadable)
         */
        put: operations["writeDraft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/care-plan/draft/signature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign the draft
         * @description Only the care team's lead physician (403 otherwise). The draft becomes active, the previous version superseded. Publishes CarePlanSigned.v1
         */
        post: operations["sign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/care-plan/draft/submission": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit the draft for signature
         * @description If-Match required. Checks what a plan must satisfy before it is signed (a problem to work on, no goal dated in the past, no medication that stops before it starts or is listed twice): 422 rules-violated lists every broken rule. Marks the draft as submitted (by whom, when); writing the draft again withdraws the submission
         */
        post: operations["submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/care-plan/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The active plan in brief
         * @description For the team and for family members whose consent includes CARE_PLAN_SUMMARY (403 otherwise); 404 when no plan is signed yet
         */
        get: operations["summary_1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/care-plan/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version, newest first */
        get: operations["history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/care-plan/versions/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version, whole */
        get: operations["version"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/care-team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the care team
         * @description ETag carries the version to send back in If-Match
         */
        get: operations["get"];
        /**
         * Replace the care team
         * @description If-Match required (428 without, 412 if stale); at most one lead, who must be a PHYSICIAN. Publishes CareTeamChanged.v1
         */
        put: operations["replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/clinical-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace the clinical profile
         * @description Diagnoses in ICD-10-CM (e.g. I50.9), at most one primary; homebound needs a reason. If-Match required
         */
        put: operations["profile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/discharge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Discharge the patient
         * @description Publishes PatientDischarged.v1 (reason as a code, the note stays here); 409 if already discharged. If-Match required
         */
        post: operations["discharge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put care on hold
         * @description Publishes PatientStatusChanged.v1 (ON_HOLD); 409 unless ACTIVE. If-Match required
         */
        post: operations["hold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/observations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readings, newest first
         * @description Filter by vital and observedAt in [from, to)
         */
        get: operations["list_3"];
        put?: never;
        /**
         * Record a batch of readings
         * @description Idempotent by reading id: resending stores nothing twice. Units are UCUM codes; impossible values are refused (400) and nothing is stored. Publishes ObservationRecorded.v1 on hearth.patient.observations for each new reading
         */
        post: operations["record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/resumption": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume care after a hold
         * @description Publishes PatientStatusChanged.v1 (ACTIVE); 409 unless ON_HOLD. If-Match required
         */
        post: operations["resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/sharing-grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's sharing grants, newest first, revoked ones included */
        get: operations["list_2"];
        put?: never;
        /**
         * Share parts of the record with another agency
         * @description By the care circle's point of contact, or by a coordinator recording a consent document (consentDocument required). The agency is named by its alias; parts among PLAN_SUMMARY, MEDICATIONS, VITALS, VISITS (served by scheduling-service); the period at most 366 days. Publishes SharingGranted.v1 with the grant. With Idempotency-Key, a retry answers the same grant.
         */
        post: operations["grant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/sharing-grants/{grantId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a grant now
         * @description The other agency's next read answers 404; publishes SharingRevoked.v1 with the revocation (scheduling stops serving the visits as soon as it reads it)
         */
        post: operations["revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient with care team and active plan of care, in one read */
        get: operations["summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/transition-of-care": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tasks and due dates
         * @description 404 when the patient did not come from a hospital
         */
        get: operations["get_6"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/patients/{patientId}/transition-of-care/tasks/{task}/completion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a task done
         * @description 409 if it is done already
         */
        post: operations["complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The intake queue, newest first
         * @description Filter by status, e.g. RECEIVED. A partner client (scope hearth.referrals) lists the referrals its organisation sent and their status
         */
        get: operations["list"];
        put?: never;
        /**
         * Refer a patient
         * @description 201 with the referral. With Idempotency-Key, a retry of the same request answers the same referral and creates nothing; the same key with another body is 422. Publishes ReferralReceived.v1
         */
        post: operations["refer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/referrals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one referral
         * @description A partner reads the referrals its organisation sent; others answer 404
         */
        get: operations["get_4"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/referrals/{id}/acceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a received referral
         * @description Publishes ReferralAccepted.v1; 409 unless RECEIVED
         */
        post: operations["accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/referrals/{id}/admission": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Admit an accepted referral
         * @description Creates the patient (PatientAdmitted.v1) and, after a hospital discharge, the transition-of-care tasks. Safe to retry; 409 unless ACCEPTED
         */
        post: operations["admit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/referrals/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decline a received referral, with the reason
         * @description 409 unless RECEIVED
         */
        post: operations["decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/shared-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Records other agencies share with my agency now
         * @description Only grants in force; each listed patient is an access, audited in both agencies
         */
        get: operations["list_7"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/shared-records/{grantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One shared record: the patient and the parts shared
         * @description 404 unless in force
         */
        get: operations["one"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/shared-records/{grantId}/medications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The medications of the signed plan
         * @description 404 unless the grant shares MEDICATIONS
         */
        get: operations["medications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/shared-records/{grantId}/plan-summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed plan of care without its medications
         * @description 404 unless the grant in force shares PLAN_SUMMARY (or no plan is signed)
         */
        get: operations["planSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/v1/shared-records/{grantId}/vitals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vitals of the last 30 days, newest first (at most 200)
         * @description 404 unless the grant shares VITALS
         */
        get: operations["vitals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Access: {
            /** Format: date-time */
            at: string;
            kind: string;
            organization: string;
            role: string;
            who: string;
        };
        AccessRef: {
            /** Format: date-time */
            at: string;
            kind?: string;
            organization?: string;
            role?: string;
            who?: string;
        };
        Address: {
            city: string;
            /** Format: double */
            latitude: number;
            line1: string;
            line2: string;
            /** Format: double */
            longitude: number;
            postalCode: string;
            state: string;
        };
        AddressRequest: {
            city: string;
            /** Format: double */
            latitude?: number;
            line1: string;
            line2?: string;
            /** Format: double */
            longitude?: number;
            postalCode: string;
            state: string;
        };
        AdmitPatientRequest: {
            address: components["schemas"]["AddressRequest"];
            /** Format: date */
            birthDate: string;
            familyName: string;
            givenName: string;
            language?: string;
            phone?: string;
        };
        Alert: {
            /** Format: date-time */
            acknowledgedAt: string;
            acknowledgedBy: string;
            /** Format: date-time */
            escalatedAt: string;
            escalatedTo: string;
            /** Format: int32 */
            escalations: number;
            finding: string;
            id: string;
            observationIds: string[];
            owner: string;
            patientId: string;
            /** Format: int32 */
            planVersion: number;
            /** Format: date-time */
            raisedAt: string;
            resolutionNote: string;
            /** Format: date-time */
            resolvedAt: string;
            resolvedBy: string;
            rule: string;
            /** @enum {string} */
            severity: "WARNING" | "HIGH" | "CRITICAL";
            /** @enum {string} */
            status: "OPEN" | "ACKNOWLEDGED" | "RESOLVED";
        };
        Allergy: {
            reaction: string;
            /** @enum {string} */
            severity: "MILD" | "MODERATE" | "SEVERE" | "UNKNOWN";
            substance: string;
        };
        AllergyRequest: {
            reaction?: string;
            /** @enum {string} */
            severity: "MILD" | "MODERATE" | "SEVERE" | "UNKNOWN";
            substance: string;
        };
        AssessmentRequest: {
            baseline: components["schemas"]["VitalRequest"][];
            functional: components["schemas"]["FunctionalStatus"][];
            goals: string[];
            homeSafety: components["schemas"]["SafetyRequest"][];
            medicalHistory?: string;
        };
        BaselineVital: {
            /** Format: double */
            value: number;
            /** @enum {string} */
            vital: "SYSTOLIC_BP" | "DIASTOLIC_BP" | "HEART_RATE" | "SPO2" | "TEMPERATURE" | "WEIGHT" | "GLUCOSE" | "PAIN";
        };
        Batch: {
            observations: components["schemas"]["Reading"][];
        };
        BatchResult: {
            /** Format: int32 */
            accepted: number;
            /** Format: int32 */
            alreadyRecorded: number;
        };
        CareCircle: {
            members: components["schemas"]["CareCircleMember"][];
            patientId: string;
        };
        CareCircleMember: {
            /** Format: date-time */
            consentGrantedAt: string;
            consentGrantedBy: string;
            displayName: string;
            pointOfContact: boolean;
            relationship: string;
            scopes: ("SCHEDULE" | "CARE_PLAN_SUMMARY" | "MESSAGES" | "VITALS" | "ACCESS_LOG")[];
            subject: string;
        };
        CareCircleRequest: {
            members: components["schemas"]["MemberRequest"][];
        };
        CarePlanContent: {
            communityServices: string[];
            diet: string[];
            equipment: components["schemas"]["Equipment"][];
            frequency: string;
            interventions: string[];
            medications: components["schemas"]["Medication"][];
            problems: components["schemas"]["Problem"][];
        };
        CarePlanDiff: {
            changes: components["schemas"]["SectionChange"][];
            /** Format: int32 */
            from: number;
            /** Format: int32 */
            to: number;
        };
        CarePlanSummary: {
            content: components["schemas"]["CarePlanContent"];
            /** Format: date-time */
            signedAt: string;
            /** Format: int32 */
            version: number;
        };
        CarePlanVersion: {
            /** Format: date-time */
            authoredAt: string;
            authoredBy: string;
            content: components["schemas"]["CarePlanContent"];
            frequencyOrders: components["schemas"]["FrequencyOrder"][];
            /** Format: int32 */
            number: number;
            /** Format: date-time */
            signedAt: string;
            signedBy: string;
            /** @enum {string} */
            status: "DRAFT" | "ACTIVE" | "SUPERSEDED";
            /** Format: date-time */
            submittedAt: string;
            submittedBy: string;
        };
        CarePlanView: {
            active: components["schemas"]["CarePlanVersion"];
            draft: components["schemas"]["CarePlanVersion"];
            patientId: string;
        };
        CareStaff: {
            id: string;
            name: string;
            roles: string[];
        };
        CareTeamMember: {
            displayName: string;
            lead: boolean;
            /** @enum {string} */
            role: "PHYSICIAN" | "SPECIALIST" | "NURSE" | "PHYSICAL_THERAPIST" | "OCCUPATIONAL_THERAPIST" | "SPEECH_THERAPIST" | "DIETITIAN" | "SOCIAL_WORKER" | "CASE_MANAGER" | "COORDINATOR" | "AIDE";
            subject: string;
        };
        CareTeamRequest: {
            members: components["schemas"]["MemberRequest"][];
        };
        CareTeamView: {
            leadPhysician: string;
            members: components["schemas"]["CareTeamMember"][];
            patientId: string;
        };
        ClinicalProfile: {
            allergies: components["schemas"]["Allergy"][];
            diagnoses: components["schemas"]["Diagnosis"][];
            homebound: components["schemas"]["Homebound"];
        };
        ClinicalProfileRequest: {
            allergies: components["schemas"]["AllergyRequest"][];
            diagnoses: components["schemas"]["DiagnosisRequest"][];
            homebound: components["schemas"]["HomeboundRequest"];
        };
        Decline: {
            reason: string;
        };
        Diagnosis: {
            code: string;
            description: string;
            primary: boolean;
        };
        DiagnosisRequest: {
            code: string;
            description: string;
            primary?: boolean;
        };
        Discharge: {
            note: string;
            /** Format: date */
            on: string;
            /** @enum {string} */
            reason: "GOALS_MET" | "HOSPITALIZED" | "TRANSFERRED" | "MOVED_OUT_OF_AREA" | "PATIENT_REQUEST" | "DECEASED" | "OTHER";
        };
        DischargeRequest: {
            /** Format: date */
            dischargedOn: string;
            note?: string;
            /** @enum {string} */
            reason: "GOALS_MET" | "HOSPITALIZED" | "TRANSFERRED" | "MOVED_OUT_OF_AREA" | "PATIENT_REQUEST" | "DECEASED" | "OTHER";
        };
        EffectiveThreshold: {
            /** Format: double */
            defaultLimit: number;
            direction: string;
            key: string;
            /** Format: double */
            limit: number;
            /** @enum {string} */
            severity: "WARNING" | "HIGH" | "CRITICAL";
            unit: string;
            vital: string;
        };
        Equipment: {
            item: string;
            /** @enum {string} */
            status: "NEEDED" | "ORDERED" | "DELIVERED" | "IN_USE" | "RETURNED";
        };
        FrequencyOrder: {
            /** @enum {string} */
            discipline: "SN" | "PT" | "OT" | "ST" | "MSW" | "HHA" | "RD";
            /** Format: int32 */
            prnVisits: number;
            segments: components["schemas"]["Segment"][];
        };
        FunctionalStatus: {
            /** @enum {string} */
            activity: "BATHING" | "DRESSING" | "TOILETING" | "TRANSFERRING" | "AMBULATION" | "FEEDING";
            /** @enum {string} */
            level: "INDEPENDENT" | "NEEDS_ASSISTANCE" | "DEPENDENT";
        };
        Goal: {
            description: string;
            measure: string;
            /** Format: date */
            targetDate: string;
        };
        GrantRequest: {
            agency: string;
            consentDocument?: string;
            /** Format: date */
            from?: string;
            parts: ("PLAN_SUMMARY" | "MEDICATIONS" | "VITALS" | "VISITS")[];
            /** Format: date */
            until: string;
        };
        GrantView: {
            active: boolean;
            agency: string;
            /** @enum {string} */
            basis: "POINT_OF_CONTACT" | "CONSENT_DOCUMENT";
            consentDocument: string;
            /** Format: date */
            from: string;
            /** Format: date-time */
            grantedAt: string;
            grantedBy: string;
            id: string;
            parts: ("PLAN_SUMMARY" | "MEDICATIONS" | "VITALS" | "VISITS")[];
            patientId: string;
            /** Format: date-time */
            revokedAt: string;
            /** Format: date */
            until: string;
        };
        HoldRequest: {
            /** @enum {string} */
            reason: "HOSPITALIZED" | "AWAY_FROM_HOME" | "PATIENT_REQUEST" | "OTHER";
        };
        Homebound: {
            homebound: boolean;
            reason: string;
        };
        HomeboundRequest: {
            homebound: boolean;
            reason: string;
        };
        InitialAssessment: {
            assessedBy: string;
            baseline: components["schemas"]["BaselineVital"][];
            /** Format: date-time */
            completedAt: string;
            functional: components["schemas"]["FunctionalStatus"][];
            goals: string[];
            homeSafety: components["schemas"]["SafetyCheck"][];
            medicalHistory: string;
            patientId: string;
            /** @enum {string} */
            status: "IN_PROGRESS" | "COMPLETED";
            /** Format: date-time */
            updatedAt: string;
        };
        Invitation: {
            displayName: string;
            patientId: string;
            subject: string;
            username: string;
        };
        InvitationRequest: {
            displayName: string;
            /** Format: email */
            email: string;
            familyName: string;
            givenName: string;
        };
        LimitsRequest: {
            limits: {
                [key: string]: number;
            };
        };
        Medication: {
            dose: string;
            name: string;
            /** @enum {string} */
            route: "ORAL" | "SUBLINGUAL" | "TOPICAL" | "TRANSDERMAL" | "INHALED" | "SUBCUTANEOUS" | "INTRAMUSCULAR" | "INTRAVENOUS" | "RECTAL" | "OPHTHALMIC" | "OTIC" | "NASAL" | "ENTERAL";
            /** Format: date */
            start: string;
            /** Format: date */
            stop?: string;
            times: string[];
        };
        Medications: {
            medications: components["schemas"]["Medication"][];
            /** Format: date-time */
            signedAt: string;
            /** Format: int32 */
            version: number;
        };
        MemberRequest: {
            displayName: string;
            lead?: boolean;
            /** @enum {string} */
            role: "PHYSICIAN" | "SPECIALIST" | "NURSE" | "PHYSICAL_THERAPIST" | "OCCUPATIONAL_THERAPIST" | "SPEECH_THERAPIST" | "DIETITIAN" | "SOCIAL_WORKER" | "CASE_MANAGER" | "COORDINATOR" | "AIDE";
            subject: string;
        };
        NewPartnerClient: {
            client: components["schemas"]["PartnerClient"];
            clientSecret: string;
        };
        ObservationView: {
            id: string;
            /** Format: date-time */
            observedAt: string;
            /** Format: date-time */
            recordedAt: string;
            recordedBy: string;
            /** @enum {string} */
            source: "CLINICIAN" | "FAMILY" | "DEVICE";
            unit: string;
            /** Format: double */
            value: number;
            /** @enum {string} */
            vital: "SYSTOLIC_BP" | "DIASTOLIC_BP" | "HEART_RATE" | "SPO2" | "TEMPERATURE" | "WEIGHT" | "GLUCOSE" | "PAIN";
        };
        OpenDraft: {
            /** Format: date-time */
            authoredAt: string;
            authoredBy: string;
            /** Format: int32 */
            number: number;
            patientId: string;
            /** Format: date-time */
            submittedAt: string;
        };
        OpenRequest: {
            reason: string;
        };
        PageResponseAlert: {
            items: components["schemas"]["Alert"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            totalItems: number;
            /** Format: int32 */
            totalPages: number;
        };
        PageResponseObservationView: {
            items: components["schemas"]["ObservationView"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            totalItems: number;
            /** Format: int32 */
            totalPages: number;
        };
        PageResponseOpenDraft: {
            items: components["schemas"]["OpenDraft"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            totalItems: number;
            /** Format: int32 */
            totalPages: number;
        };
        PageResponsePatientView: {
            items: components["schemas"]["PatientView"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            totalItems: number;
            /** Format: int32 */
            totalPages: number;
        };
        PageResponseReferral: {
            items: components["schemas"]["Referral"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            totalItems: number;
            /** Format: int32 */
            totalPages: number;
        };
        PageResponseResourceView: {
            items: components["schemas"]["ResourceView"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            totalItems: number;
            /** Format: int32 */
            totalPages: number;
        };
        ParseRequest: {
            notation: string;
        };
        PartnerClient: {
            clientId: string;
            enabled: boolean;
            name: string;
            scopes: string[];
        };
        PartnerRequest: {
            name: string;
            scopes: string[];
        };
        PatientSummary: {
            activePlan: components["schemas"]["CarePlanVersion"];
            careTeam: components["schemas"]["CareTeamMember"][];
            leadPhysician: string;
            patient: components["schemas"]["PatientView"];
        };
        PatientView: {
            address: components["schemas"]["Address"];
            /** Format: date-time */
            admittedAt: string;
            /** Format: date */
            birthDate: string;
            clinical: components["schemas"]["ClinicalProfile"];
            discharge: components["schemas"]["Discharge"];
            familyName: string;
            givenName: string;
            id: string;
            language: string;
            phone: string;
            /** @enum {string} */
            status: "ACTIVE" | "ON_HOLD" | "DISCHARGED";
        };
        Person: {
            address: components["schemas"]["AddressRequest"];
            /** Format: date */
            birthDate: string;
            familyName: string;
            givenName: string;
            language?: string;
            phone?: string;
        };
        Physician: {
            name: string;
            npi: string;
        };
        PlanSummary: {
            diet: string[];
            equipment: components["schemas"]["Equipment"][];
            frequency: string;
            interventions: string[];
            problems: components["schemas"]["Problem"][];
            /** Format: date-time */
            signedAt: string;
            /** Format: int32 */
            version: number;
        };
        Problem: {
            description: string;
            goals: components["schemas"]["Goal"][];
        };
        Prospect: {
            address: components["schemas"]["Address"];
            /** Format: date */
            birthDate: string;
            familyName: string;
            givenName: string;
            language: string;
            phone: string;
        };
        QuestionRequest: {
            access: components["schemas"]["AccessRef"];
            question: string;
        };
        QuestionView: {
            access: components["schemas"]["Access"];
            /** Format: date-time */
            answeredAt: string;
            /** Format: date-time */
            askedAt: string;
            askedByName: string;
            id: string;
            patientId: string;
            patientName: string;
            question: string;
        };
        Reading: {
            id: string;
            /** Format: date-time */
            observedAt: string;
            unit?: string;
            /** Format: double */
            value: number;
            /** @enum {string} */
            vital: "SYSTOLIC_BP" | "DIASTOLIC_BP" | "HEART_RATE" | "SPO2" | "TEMPERATURE" | "WEIGHT" | "GLUCOSE" | "PAIN";
        };
        Referral: {
            /** @enum {string} */
            complexity: "HIGH" | "MODERATE";
            /** Format: date-time */
            decidedAt: string;
            decidedBy: string;
            declineReason: string;
            diagnoses: components["schemas"]["Diagnosis"][];
            /** Format: date */
            dischargeDate: string;
            id: string;
            patient: components["schemas"]["Prospect"];
            patientId: string;
            reason: string;
            /** Format: date-time */
            receivedAt: string;
            referringPartner: string;
            referringPhysician: components["schemas"]["ReferringPhysician"];
            requestedDisciplines: ("SN" | "PT" | "OT" | "ST" | "MSW" | "HHA" | "RD")[];
            /** @enum {string} */
            source: "PRIMARY_CARE_PHYSICIAN" | "HOSPITAL_DISCHARGE" | "SKILLED_NURSING_FACILITY" | "SPECIALIST" | "SELF_OR_FAMILY";
            /** @enum {string} */
            status: "RECEIVED" | "ACCEPTED" | "DECLINED" | "ADMITTED";
            submittedBy: string;
        };
        ReferralRequest: {
            /** @enum {string} */
            complexity?: "HIGH" | "MODERATE";
            diagnoses: components["schemas"]["Diagnosis"][];
            /** Format: date */
            dischargeDate?: string;
            patient: components["schemas"]["Person"];
            reason: string;
            referringPhysician: components["schemas"]["Physician"];
            requestedDisciplines: ("SN" | "PT" | "OT" | "ST" | "MSW" | "HHA" | "RD")[];
            /** @enum {string} */
            source: "PRIMARY_CARE_PHYSICIAN" | "HOSPITAL_DISCHARGE" | "SKILLED_NURSING_FACILITY" | "SPECIALIST" | "SELF_OR_FAMILY";
        };
        ReferringPhysician: {
            name: string;
            npi: string;
        };
        Resolution: {
            note: string;
            /** Format: int32 */
            planVersion?: number;
        };
        ResourceRequest: {
            /** @enum {string} */
            category: "RESPITE" | "SUPPORT_GROUP" | "EDUCATION";
            contact?: string;
            description: string;
            title: string;
            url?: string;
        };
        ResourceView: {
            /** @enum {string} */
            category: "RESPITE" | "SUPPORT_GROUP" | "EDUCATION";
            contact: string;
            description: string;
            id: string;
            title: string;
            url: string;
        };
        ReviewRequest: {
            note: string;
        };
        SafetyCheck: {
            action: string;
            finding: string;
            /** @enum {string} */
            item: "LOOSE_RUGS" | "GRAB_BARS" | "LIGHTING" | "STAIRS_AND_RAILINGS" | "SMOKE_DETECTORS" | "CARBON_MONOXIDE_DETECTOR" | "CLUTTER_AND_PATHWAYS" | "BATHROOM_SAFETY" | "FIRE_EXTINGUISHER" | "EMERGENCY_NUMBERS_POSTED" | "PETS" | "OXYGEN_SAFETY";
            /** @enum {string} */
            status: "OK" | "HAZARD" | "NOT_APPLICABLE";
        };
        SafetyRequest: {
            action?: string;
            finding?: string;
            /** @enum {string} */
            item: "LOOSE_RUGS" | "GRAB_BARS" | "LIGHTING" | "STAIRS_AND_RAILINGS" | "SMOKE_DETECTORS" | "CARBON_MONOXIDE_DETECTOR" | "CLUTTER_AND_PATHWAYS" | "BATHROOM_SAFETY" | "FIRE_EXTINGUISHER" | "EMERGENCY_NUMBERS_POSTED" | "PETS" | "OXYGEN_SAFETY";
            /** @enum {string} */
            status: "OK" | "HAZARD" | "NOT_APPLICABLE";
        };
        SectionChange: {
            added: unknown[];
            removed: unknown[];
            section: string;
        };
        Segment: {
            /** Format: int32 */
            maxPerWeek: number;
            /** Format: int32 */
            minPerWeek: number;
            /** Format: int32 */
            weeks: number;
        };
        SharedRecord: {
            /** Format: date */
            birthDate: string;
            familyName: string;
            fromAgency: string;
            givenName: string;
            grantId: string;
            parts: ("PLAN_SUMMARY" | "MEDICATIONS" | "VITALS" | "VISITS")[];
            patientId: string;
            /** Format: date */
            until: string;
        };
        StaffPage: {
            items: components["schemas"]["Person"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
        };
        StaffRequest: {
            /** Format: email */
            email: string;
            familyName: string;
            givenName: string;
            roles: string[];
            username: string;
        };
        ThresholdsView: {
            patientId: string;
            thresholds: components["schemas"]["EffectiveThreshold"][];
        };
        TransitionOfCare: {
            /** @enum {string} */
            complexity: "HIGH" | "MODERATE";
            /** Format: date */
            dischargedOn: string;
            patientId: string;
            tasks: components["schemas"]["TransitionTask"][];
        };
        TransitionTask: {
            /** Format: date-time */
            completedAt: string;
            completedBy: string;
            /** Format: date */
            dueOn: string;
            /** Format: date-time */
            flaggedOverdueAt: string;
            /** @enum {string} */
            status: "OPEN" | "OVERDUE" | "DONE";
            /** @enum {string} */
            type: "INTERACTIVE_CONTACT" | "FACE_TO_FACE_VISIT";
        };
        VersionSummary: {
            /** Format: date-time */
            authoredAt: string;
            authoredBy: string;
            frequency: string;
            /** Format: int32 */
            number: number;
            /** Format: date-time */
            signedAt: string;
            signedBy: string;
            /** @enum {string} */
            status: "DRAFT" | "ACTIVE" | "SUPERSEDED";
        };
        VitalRequest: {
            unit?: string;
            /** Format: double */
            value: number;
            /** @enum {string} */
            vital: "SYSTOLIC_BP" | "DIASTOLIC_BP" | "HEART_RATE" | "SPO2" | "TEMPERATURE" | "WEIGHT" | "GLUCOSE" | "PAIN";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    open_1: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["QuestionView"][];
                };
            };
        };
    };
    answered: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                questionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["QuestionView"];
                };
            };
        };
    };
    list_8: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["CareStaff"][];
                };
            };
        };
    };
    list_6: {
        parameters: {
            query?: {
                category?: "RESPITE" | "SUPPORT_GROUP" | "EDUCATION";
                page?: number;
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PageResponseResourceView"];
                };
            };
        };
    };
    add: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResourceRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["ResourceView"];
                };
            };
        };
    };
    get_8: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["ResourceView"];
                };
            };
        };
    };
    remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    list_5: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PartnerClient"][];
                };
            };
        };
    };
    create: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnerRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["NewPartnerClient"];
                };
            };
        };
    };
    disable_1: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    list_4: {
        parameters: {
            query?: {
                page?: number;
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["StaffPage"];
                };
            };
        };
    };
    provision: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Person"];
                };
            };
        };
    };
    get_7: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Person"];
                };
            };
        };
    };
    disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    queue_1: {
        parameters: {
            query?: {
                page?: number;
                size?: number;
                status?: "OPEN" | "ACKNOWLEDGED" | "RESOLVED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PageResponseAlert"];
                };
            };
        };
    };
    queue: {
        parameters: {
            query?: {
                status?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["GrantView"][];
                };
            };
        };
    };
    review: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["GrantView"];
                };
            };
        };
    };
    revoke_1: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["GrantView"];
                };
            };
        };
    };
    drafts: {
        parameters: {
            query?: {
                page?: number;
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PageResponseOpenDraft"];
                };
            };
        };
    };
    parse: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ParseRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Reading"];
                };
            };
        };
    };
    list_1: {
        parameters: {
            query?: {
                page?: number;
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PageResponsePatientView"];
                };
            };
        };
    };
    admit_1: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdmitPatientRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PatientView"];
                };
            };
        };
    };
    get_5: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PatientView"];
                };
            };
        };
    };
    ask: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuestionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["QuestionView"];
                };
            };
        };
    };
    get_3: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["ThresholdsView"];
                };
            };
        };
    };
    set: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LimitsRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["ThresholdsView"];
                };
            };
        };
    };
    ofPatient: {
        parameters: {
            query?: {
                page?: number;
                size?: number;
                status?: "OPEN" | "ACKNOWLEDGED" | "RESOLVED";
            };
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PageResponseAlert"];
                };
            };
        };
    };
    acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alertId: string;
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Alert"];
                };
            };
        };
    };
    resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alertId: string;
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Resolution"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Alert"];
                };
            };
        };
    };
    get_2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["InitialAssessment"];
                };
            };
        };
    };
    write: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssessmentRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["InitialAssessment"];
                };
            };
        };
    };
    complete_1: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["InitialAssessment"];
                };
            };
        };
    };
    open: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["GrantView"];
                };
            };
        };
    };
    get_1: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["CareCircle"];
                };
            };
        };
    };
    replace_1: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CareCircleRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["CareCircle"];
                };
            };
        };
    };
    invite: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Invitation"];
                };
            };
        };
    };
    current: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["CarePlanView"];
                };
            };
        };
    };
    diff: {
        parameters: {
            query: {
                from: number;
                to: number;
            };
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["CarePlanDiff"];
                };
            };
        };
    };
    writeDraft: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CarePlanContent"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["CarePlanView"];
                };
            };
        };
    };
    sign: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["CarePlanView"];
                };
            };
        };
    };
    submit: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["CarePlanView"];
                };
            };
        };
    };
    summary_1: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["CarePlanSummary"];
                };
            };
        };
    };
    history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["VersionSummary"][];
                };
            };
        };
    };
    version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: number;
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["CarePlanVersion"];
                };
            };
        };
    };
    get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["CareTeamView"];
                };
            };
        };
    };
    replace: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CareTeamRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["CareTeamView"];
                };
            };
        };
    };
    profile: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClinicalProfileRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PatientView"];
                };
            };
        };
    };
    discharge: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DischargeRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PatientView"];
                };
            };
        };
    };
    hold: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HoldRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PatientView"];
                };
            };
        };
    };
    list_3: {
        parameters: {
            query?: {
                from?: string;
                page?: number;
                size?: number;
                to?: string;
                vital?: "SYSTOLIC_BP" | "DIASTOLIC_BP" | "HEART_RATE" | "SPO2" | "TEMPERATURE" | "WEIGHT" | "GLUCOSE" | "PAIN";
            };
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PageResponseObservationView"];
                };
            };
        };
    };
    record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Batch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["BatchResult"];
                };
            };
        };
    };
    resume: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PatientView"];
                };
            };
        };
    };
    list_2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["GrantView"][];
                };
            };
        };
    };
    grant: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["GrantView"];
                };
            };
        };
    };
    revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grantId: string;
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["GrantView"];
                };
            };
        };
    };
    summary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PatientSummary"];
                };
            };
        };
    };
    get_6: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["TransitionOfCare"];
                };
            };
        };
    };
    complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
                task: "INTERACTIVE_CONTACT" | "FACE_TO_FACE_VISIT";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["TransitionOfCare"];
                };
            };
        };
    };
    list: {
        parameters: {
            query?: {
                page?: number;
                size?: number;
                status?: "RECEIVED" | "ACCEPTED" | "DECLINED" | "ADMITTED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PageResponseReferral"];
                };
            };
        };
    };
    refer: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReferralRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Referral"];
                };
            };
        };
    };
    get_4: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Referral"];
                };
            };
        };
    };
    accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Referral"];
                };
            };
        };
    };
    admit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Referral"];
                };
            };
        };
    };
    decline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Decline"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Referral"];
                };
            };
        };
    };
    list_7: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["SharedRecord"][];
                };
            };
        };
    };
    one: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["SharedRecord"];
                };
            };
        };
    };
    medications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Medications"];
                };
            };
        };
    };
    planSummary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PlanSummary"];
                };
            };
        };
    };
    vitals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Reading"][];
                };
            };
        };
    };
}
