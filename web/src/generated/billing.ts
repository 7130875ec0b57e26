// Generated from contracts/openapi/billing.json by `npm run api` (web/). Do not edit: change the service,
// run ./hearth api-contracts, and let the compiler show what the change breaks.

export interface paths {
    "/api/billing/v1/authorizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["list_2"];
        put?: never;
        /**
         * Draft a prior-authorization request by hand
         * @description 409 when an open request of the same payer and discipline overlaps its dates. With Idempotency-Key, a retry of the same request answers the same draft (not a 409) and drafts nothing twice; the same key with another body is 422
         */
        post: operations["create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/v1/authorizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get_2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/v1/authorizations/{id}/appeal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Appeal a denial; the reconsideration is watched like a new request */
        post: operations["appeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/v1/authorizations/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the payer's decision: approved or partially approved (units, dates) or denied (reason) */
        post: operations["decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/v1/authorizations/{id}/submission": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit (or resubmit after a denial) to the payer
         * @description Decision due in 72 hours when expedited, 7 days otherwise; 502 if the payer does not answer after bounded retries (nothing changes)
         */
        post: operations["submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/v1/billable-lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Billable lines of a period, filtered by status, payer or patient; paged */
        get: operations["lines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/v1/billable-lines.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a period's billable lines as CSV (RFC 4180) for the claims system
         * @description The same filters as the paged lines (status, payer, patient); ids and codes only, no names; at most 20000 lines, oldest service date first
         */
        get: operations["csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/v1/patients/{patientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The patient's billing file
         * @description 404 until billing has heard of the admission
         */
        get: operations["get_1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/v1/patients/{patientId}/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace the patient's coverage
         * @description If-Match required; payers must exist; at most one primary and one secondary active on any day
         */
        put: operations["setCoverage"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/v1/patients/{patientId}/eligibility-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's eligibility checks, newest first (at most 50) */
        get: operations["list_1"];
        put?: never;
        /**
         * Check eligibility for home health with the payer (X12 270/271)
         * @description Always answers 201 with a status: ACTIVE, INACTIVE, NOT_FOUND, or ERROR / TIMEOUT after bounded retries. With Idempotency-Key, a retry of the same request answers the stored check without asking the payer again; the same key with another body (or patient) is 422
         */
        post: operations["check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/v1/patients/{patientId}/medicare-checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Medicare home health checklist: homebound, physician certification, face-to-face
         * @description Each item MET, MISSING or NOT_MET with what is missing
         */
        get: operations["checklist"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/v1/patients/{patientId}/medicare-facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record homebound status, the face-to-face encounter and the certifying physician */
        put: operations["setFacts"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/v1/payers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["list"];
        put?: never;
        /**
         * Add a payer with its rules
         * @description 409 when the agency has a payer of that name. With Idempotency-Key, a retry of the same request answers the same payer; another body is 422
         */
        post: operations["add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/v1/payers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get"];
        /**
         * Change a payer's rules
         * @description If-Match required
         */
        put: operations["replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/v1/reports/claim-readiness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Claim readiness per payer for a period: ready lines and units, lines on hold by reason */
        get: operations["readiness"];
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
        CheckRequest: {
            coverageId: string;
        };
        CheckView: {
            /** Format: int32 */
            attempts: number;
            /** Format: date-time */
            checkedAt: string;
            coverageId: string;
            id: string;
            payerId: string;
            payerReference: string;
            /** @enum {string} */
            status: "ACTIVE" | "INACTIVE" | "NOT_FOUND" | "ERROR" | "TIMEOUT";
        };
        Coverage: {
            /** Format: date */
            from: string;
            id: string;
            memberId: string;
            payerId: string;
            plan: string;
            /** @enum {string} */
            priority: "PRIMARY" | "SECONDARY";
            /** Format: date */
            to: string;
        };
        CoverageList: {
            coverages: components["schemas"]["CoverageRequest"][];
        };
        CoverageRequest: {
            /** Format: date */
            from: string;
            memberId: string;
            payerId: string;
            plan?: string;
            /** @enum {string} */
            priority: "PRIMARY" | "SECONDARY";
            /** Format: date */
            to?: string;
        };
        Decision: {
            /** Format: int32 */
            approvedUnits?: number;
            /** @enum {string} */
            decision: "DRAFT" | "PENDING" | "APPROVED" | "PARTIALLY_APPROVED" | "DENIED" | "APPEALED" | "EXPIRED";
            /** Format: date */
            from?: string;
            reason?: string;
            /** Format: date */
            to?: string;
        };
        FactsRequest: {
            certifyingPhysicianNpi: string;
            /** Format: date */
            faceToFaceOn: string;
            homebound: boolean;
            homeboundReason: string;
        };
        FileView: {
            coverages: components["schemas"]["Coverage"][];
            medicare: components["schemas"]["MedicareFacts"];
            patientId: string;
            /** Format: int32 */
            signedPlanVersion: number;
            /** Format: date */
            startOfCare: string;
        };
        Item: {
            detail: string;
            item: string;
            /** @enum {string} */
            status: "MET" | "MISSING" | "NOT_MET";
        };
        LineView: {
            authorizationId: string;
            discipline: string;
            /** Format: date */
            filingDeadline: string;
            hcpcs: string;
            holdReasons: ("NO_COVERAGE" | "UNSIGNED_PLAN" | "AUTHORIZATION_MISSING" | "AUTHORIZATION_EXHAUSTED" | "EVV_EXCEPTION")[];
            patientId: string;
            payerId: string;
            /** Format: date */
            serviceDate: string;
            /** @enum {string} */
            status: "READY" | "ON_HOLD";
            /** Format: int32 */
            units: number;
            visitId: string;
        };
        MedicareFacts: {
            certifyingPhysicianNpi: string;
            /** Format: date */
            faceToFaceOn: string;
            homebound: boolean;
            homeboundReason: string;
        };
        NewRequest: {
            discipline: string;
            /** Format: date */
            from: string;
            patientId: string;
            payerId: string;
            /** Format: int32 */
            requestedUnits: number;
            /** Format: date */
            to: string;
        };
        PageResponseLineView: {
            items: components["schemas"]["LineView"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            totalItems: number;
            /** Format: int32 */
            totalPages: number;
        };
        PageResponsePayer: {
            items: components["schemas"]["Payer"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            totalItems: number;
            /** Format: int32 */
            totalPages: number;
        };
        PageResponsePriorAuthorization: {
            items: components["schemas"]["PriorAuthorization"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            totalItems: number;
            /** Format: int32 */
            totalPages: number;
        };
        Payer: {
            id: string;
            name: string;
            payerCode: string;
            priorAuthorization: string[];
            /** Format: int32 */
            timelyFilingDays: number;
            /** @enum {string} */
            type: "MEDICARE" | "MEDICAID" | "COMMERCIAL";
            /** @enum {string} */
            unit: "VISIT" | "UNIT_15_MINUTES";
        };
        PayerReadiness: {
            /** Format: date */
            earliestFilingDeadline: string;
            onHoldByReason: {
                [key: string]: number;
            };
            /** Format: int32 */
            onHoldLines: number;
            payerId: string;
            /** Format: int32 */
            readyLines: number;
            /** Format: int32 */
            readyUnits: number;
        };
        PayerRequest: {
            name: string;
            payerCode: string;
            priorAuthorization: string[];
            /** Format: int32 */
            timelyFilingDays?: number;
            /** @enum {string} */
            type: "MEDICARE" | "MEDICAID" | "COMMERCIAL";
            /** @enum {string} */
            unit: "VISIT" | "UNIT_15_MINUTES";
        };
        PriorAuthorization: {
            /** Format: int32 */
            approvedUnits: number;
            consumedVisitIds: string[];
            coverageId: string;
            /** Format: date-time */
            decisionDueAt: string;
            denialReason: string;
            discipline: string;
            exhaustedFlagged: boolean;
            expedited: boolean;
            /** Format: date */
            from: string;
            id: string;
            lowFlagged: boolean;
            overdueFlagged: boolean;
            patientId: string;
            payerId: string;
            payerReference: string;
            /** Format: int32 */
            planVersion: number;
            /** Format: int32 */
            requestedUnits: number;
            /** @enum {string} */
            status: "DRAFT" | "PENDING" | "APPROVED" | "PARTIALLY_APPROVED" | "DENIED" | "APPEALED" | "EXPIRED";
            /** Format: date-time */
            submittedAt: string;
            /** Format: date */
            to: string;
            /** @enum {string} */
            unit: "VISIT" | "UNIT_15_MINUTES";
            /** Format: int32 */
            unitsUsed: number;
        };
        Readiness: {
            /** Format: date */
            from: string;
            payers: components["schemas"]["PayerReadiness"][];
            /** Format: date */
            to: string;
        };
        Result: {
            items: components["schemas"]["Item"][];
        };
        Submission: {
            expedited: boolean;
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
    list_2: {
        parameters: {
            query?: {
                page?: number;
                patientId?: string;
                size?: number;
                status?: "DRAFT" | "PENDING" | "APPROVED" | "PARTIALLY_APPROVED" | "DENIED" | "APPEALED" | "EXPIRED";
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
                    "*/*": components["schemas"]["PageResponsePriorAuthorization"];
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
                "application/json": components["schemas"]["NewRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PriorAuthorization"];
                };
            };
        };
    };
    get_2: {
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
                    "*/*": components["schemas"]["PriorAuthorization"];
                };
            };
        };
    };
    appeal: {
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
                    "*/*": components["schemas"]["PriorAuthorization"];
                };
            };
        };
    };
    decide: {
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
                "application/json": components["schemas"]["Decision"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PriorAuthorization"];
                };
            };
        };
    };
    submit: {
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
                "application/json": components["schemas"]["Submission"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PriorAuthorization"];
                };
            };
        };
    };
    lines: {
        parameters: {
            query: {
                from: string;
                page?: number;
                patientId?: string;
                payerId?: string;
                size?: number;
                status?: "READY" | "ON_HOLD";
                to: string;
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
                    "*/*": components["schemas"]["PageResponseLineView"];
                };
            };
        };
    };
    csv: {
        parameters: {
            query: {
                from: string;
                patientId?: string;
                payerId?: string;
                status?: "READY" | "ON_HOLD";
                to: string;
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
                    "text/csv": string;
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
                    "*/*": components["schemas"]["FileView"];
                };
            };
        };
    };
    setCoverage: {
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
                "application/json": components["schemas"]["CoverageList"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["FileView"];
                };
            };
        };
    };
    list_1: {
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
                    "*/*": components["schemas"]["CheckView"][];
                };
            };
        };
    };
    check: {
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
                "application/json": components["schemas"]["CheckRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["CheckView"];
                };
            };
        };
    };
    checklist: {
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
                    "*/*": components["schemas"]["Result"];
                };
            };
        };
    };
    setFacts: {
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
                "application/json": components["schemas"]["FactsRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["FileView"];
                };
            };
        };
    };
    list: {
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
                    "*/*": components["schemas"]["PageResponsePayer"];
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
                "application/json": components["schemas"]["PayerRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Payer"];
                };
            };
        };
    };
    get: {
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
                    "*/*": components["schemas"]["Payer"];
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
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PayerRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Payer"];
                };
            };
        };
    };
    readiness: {
        parameters: {
            query: {
                from: string;
                to: string;
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
                    "*/*": components["schemas"]["Readiness"];
                };
            };
        };
    };
}
