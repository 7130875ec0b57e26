// Generated from contracts/openapi/audit.json by `npm run api` (web/). Do not edit: change the service,
// run ./hearth api-contracts, and let the compiler show what the change breaks.

export interface paths {
    "/api/audit/v1/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agency's records in a window as NDJSON, oldest first
         * @description One stored link per line in its canonical JSON (seq, prevHash, hash, facts and the FHIR R4 AuditEvent in entry), so the hashes can be checked outside Hearth; with format=fhir only the AuditEvent resources. Without from/to the last 30 days.
         */
        get: operations["export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/v1/patients/{patientId}/record-accesses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who accessed this patient's record in a window, by kind of data
         * @description Role and name of each person who read or changed the record, their organisation, when, and what kind of data, grouped by kind; refused requests are left out. The privacy officer and the agency admin see any patient of their agency. A family member sees only a patient whose care circle lists them (404 otherwise) as its point of contact with the ACCESS_LOG consent (403 otherwise). Without from/to, the last 30 days.
         */
        get: operations["accesses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/v1/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agency's audit records, newest first, by patient, user and time window
         * @description Any combination of patientId, actor (the user id), correlationId and from/to; without from/to the last 30 days. Refused requests are included (refused=true); see /refusals for those only. Paged (size at most 200).
         */
        get: operations["records"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/v1/refusals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Refused requests (401, 403) of the agency's users, newest first
         * @description Optionally of one patient or one user; without from/to the last 30 days. Paged.
         */
        get: operations["refusals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/v1/unusual-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users who read many distinct patients outside their care teams in a window
         * @description A read counts when it was granted, by a user whose care team for that patient does not list them (and who is not in the patient's care circle): coordinators, admins and billing staff read across the agency by their role, so the officer judges the list. Care teams are those known now (projected from CareTeamChanged). threshold: how many such patients make a user unusual (default hearth.audit.unusual-access-threshold). The window is at most 31 days; without from/to the last 24 hours. Paged.
         */
        get: operations["unusualAccess"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/v1/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Walk the agency's hash chain and report the first broken link
         * @description intact=false names the sequence number of the first changed, removed or reordered record, or of a checkpoint not signed with this deployment's key.
         */
        get: operations["verification"];
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
        AuditRecordView: {
            action: string;
            actor: string;
            actorName: string;
            /** Format: date-time */
            at: string;
            correlationId: string;
            hash: string;
            kind: string;
            organization: string;
            patientId: string;
            refused: boolean;
            roles: string[];
            /** Format: int64 */
            seq: number;
            source: string;
            /** Format: int32 */
            status: number;
        };
        KindGroup: {
            accesses: components["schemas"]["RecordAccess"][];
            /** Format: int32 */
            count: number;
            /** @example care-plan */
            kind: string;
        };
        PageResponseAuditRecordView: {
            items: components["schemas"]["AuditRecordView"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            totalItems: number;
            /** Format: int32 */
            totalPages: number;
        };
        PageResponseUnusualAccess: {
            items: components["schemas"]["UnusualAccess"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            totalItems: number;
            /** Format: int32 */
            totalPages: number;
        };
        RecordAccess: {
            /** @example viewed */
            action: string;
            /** Format: date-time */
            at: string;
            /** @example care-plan */
            kind: string;
            /** @example sunrise */
            organization: string;
            /** @example nurse */
            role: string;
            /** @example Nina Nurse */
            who: string;
        };
        /** @description The accesses to a patient's record in a window, grouped by kind of data */
        RecordAccesses: {
            byKind: components["schemas"]["KindGroup"][];
            /** Format: date-time */
            from: string;
            patientId: string;
            /** Format: date-time */
            to: string;
            /** Format: int32 */
            total: number;
            truncated: boolean;
        };
        UnusualAccess: {
            actor: string;
            actorName: string;
            /** Format: date-time */
            firstAt: string;
            /** Format: date-time */
            lastAt: string;
            patientIds: string[];
            /** Format: int32 */
            patientsOutsideCareTeams: number;
            roles: string[];
        };
        Verification: {
            agency: string;
            /** Format: int64 */
            brokenAt: number;
            /** Format: int32 */
            checkpoints: number;
            detail: string;
            /** Format: int64 */
            firstSeq: number;
            intact: boolean;
            /** Format: int64 */
            lastSeq: number;
            problem: string;
            /** Format: int64 */
            records: number;
            verifiedAt: string;
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
    export: {
        parameters: {
            query?: {
                /** @description chain (default) or fhir */
                format?: string;
                from?: string;
                to?: string;
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
                    "application/x-ndjson": string;
                };
            };
        };
    };
    accesses: {
        parameters: {
            query?: {
                /** @description start of the window (inclusive), ISO-8601 instant */
                from?: string;
                /** @description end of the window (exclusive), ISO-8601 instant */
                to?: string;
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
                    "*/*": components["schemas"]["RecordAccesses"];
                };
            };
        };
    };
    records: {
        parameters: {
            query?: {
                /** @description the user id (sub) of who accessed */
                actor?: string;
                /** @description the X-Correlation-Id of one request: what it left in the trail */
                correlationId?: string;
                from?: string;
                page?: number;
                patientId?: string;
                size?: number;
                to?: string;
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
                    "*/*": components["schemas"]["PageResponseAuditRecordView"];
                };
            };
        };
    };
    refusals: {
        parameters: {
            query?: {
                actor?: string;
                from?: string;
                page?: number;
                patientId?: string;
                size?: number;
                to?: string;
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
                    "*/*": components["schemas"]["PageResponseAuditRecordView"];
                };
            };
        };
    };
    unusualAccess: {
        parameters: {
            query?: {
                from?: string;
                page?: number;
                size?: number;
                threshold?: number;
                to?: string;
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
                    "*/*": components["schemas"]["PageResponseUnusualAccess"];
                };
            };
        };
    };
    verification: {
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
                    "*/*": components["schemas"]["Verification"];
                };
            };
        };
    };
}
