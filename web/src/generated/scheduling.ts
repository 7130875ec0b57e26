// Generated from contracts/openapi/scheduling.json by `npm run api` (web/). Do not edit: change the service,
// run ./hearth api-contracts, and let the compiler show what the change breaks.

export interface paths {
    "/api/scheduling/v1/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agency's week board: booked visits by day and the visits still to book
         * @description Weeks run Sunday to Saturday; any day of the week may be given (default: this week)
         */
        get: operations["board"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/board/blockers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Why the week's unassigned visits cannot be booked, in the booking rules' words
         * @description For each unassigned visit of the week (Sunday to Saturday; any day of it may be given) that no active qualified clinician could take at any time left in its window: the rules every candidate breaks (e.g. AUTHORIZATION_MISSING, AUTHORIZED_UNITS_EXHAUSTED, SKILL_MISSING), NO_QUALIFIED_CLINICIAN, WINDOW_PASSED, or NO_FREE_SLOT. Bookable visits are not listed.
         */
        get: operations["blockers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/clinicians": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The roster, by name
         * @description Filter by discipline; paged (max 200)
         */
        get: operations["list_1"];
        put?: never;
        /**
         * Add a clinician to the roster
         * @description With Idempotency-Key, a retry of the same request answers the same clinician and adds nobody twice; the same key with another body is 422
         */
        post: operations["add_1"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/clinicians/{clinicianId}/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * iCalendar feed of a clinician's visits (RFC 5545)
         * @description From a day on (default today) for up to 62 days; events name the discipline and a short visit reference, never the patient
         */
        get: operations["calendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/clinicians/{clinicianId}/day": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A clinician's day in route order with travel estimates
         * @description Coordinators see anyone's day; a clinician sees their own. Telehealth stops need no travel.
         */
        get: operations["day"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/clinicians/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["get"];
        /**
         * Replace a clinician's details
         * @description If-Match required (428/412)
         */
        put: operations["replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/patients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List patients known to scheduling
         * @description Page from 0, size 1-200 (default 50)
         */
        get: operations["list_2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/patients/{patientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a patient as scheduling knows it
         * @description Another agency's patient answers 404
         */
        get: operations["get_3"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/patients/{patientId}/authorizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The patient's prior authorizations with units booked, used and remaining
         * @description As billing reported them; units of scheduled, in-progress and completed visits count
         */
        get: operations["authorizations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/patients/{patientId}/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the patient's preferred visit times and clinician
         * @description Booking refuses visits outside the windows (rule OUTSIDE_PATIENT_WINDOW); an empty list means any time within the clinician's hours
         */
        put: operations["setPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/patients/{patientId}/visit-requirements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Weekly visit requirements from the signed plan of care
         * @description 404 until a plan is signed (and for another agency's patient)
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
    "/api/scheduling/v1/patients/{patientId}/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A patient's visits from a day on (default today), in time order
         * @description Staff who see the patient get the visits; a family member with the SCHEDULE consent gets familyView only (time, discipline, clinician's first name). Others: 404.
         */
        get: operations["patientVisits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/planning-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start planning a date range (at most 14 days), optionally for some patients and disciplines
         * @description Booked visits are pinned: they stay with their clinician at their time and the plan fits in the rest; OPTIMIZE with moveBookedVisits=true may move them (each move costs, so plans stay stable); REPAIR keeps every booking whose clinician still works that day, e.g. after a sick call. Checked-in and completed visits and pinnedVisitIds never move. patientIds and disciplines narrow the plan (empty: all); booked visits outside the scope are kept as they are and planned around. timeLimitSeconds is the time to the plan end to end (default 10, REPAIR 2). 202 with the job; 409 while another job of the agency plans an overlapping range (runningJobId says which), on any replica; 503 when busy. With Idempotency-Key, a retry of the same request answers the same job (202, same Location) and starts no second one; the same key with another body is 422
         */
        post: operations["start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/planning-jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A job's status and its score over time (poll this, or follow /events); any replica answers */
        get: operations["get_2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/planning-jobs/{id}/application": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply the plan: book its new or moved visits (all, or the visitIds given) through the booking rules
         * @description Once per plan, across replicas (a second application answers 409). Each visit is booked at its current version, in a few passes so that swaps succeed; what the rules refuse now is listed with its violations and left as it was. visitIds must be visits the plan books or moves
         */
        post: operations["apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/planning-jobs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-sent events: 'progress' at each better plan, then one 'status' when the job ends
         * @description Replays the progress from the first better plan; on the replica that runs the job it is read as it comes, on another from the store (written every half second)
         */
        get: operations["events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/planning-jobs/{id}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The best plan: each visit's clinician and time with what drove the choice, what the plan achieves against the current schedule, and what could not be planned and why
         * @description 409 while the job is still solving, or when it ended without a plan
         */
        get: operations["plan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/planning-jobs/{id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop searching; the best plan so far is kept (the replica running the job stops it) */
        post: operations["stop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/shared-records/{grantId}/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The visits of a patient another agency shares with my agency, in date order; paged
         * @description 404 unless the sharing grant is for the caller's agency, in force today, not revoked, and shares VISITS. Visits booked to start, or not booked and due, from a day on (default today) to an optional last day; each item gives times, discipline, type, status and the clinician's first name. Each read is audited in both agencies (purposeOfUse sharedRecord).
         */
        get: operations["visits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find visits
         * @description Filter by status, patient, clinician and ordered dates; paged
         */
        get: operations["list"];
        put?: never;
        /**
         * Add a visit by hand (e.g. a PRN visit)
         * @description Unscheduled until booked. With Idempotency-Key, a retry of the same request answers the same visit (and partner) and adds nothing twice
         */
        post: operations["add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/visits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a visit with its booking history and EVV record */
        get: operations["get_1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/visits/{id}/booking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Book or reschedule a visit
         * @description If-Match required. Every hard rule is checked; a 422 rules-violated problem lists each broken rule and nothing is stored. A reschedule keeps the earlier booking in the history.
         */
        put: operations["book"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/visits/{id}/cancellation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a visit that has not started, with the reason */
        post: operations["cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/visits/{id}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * EVV check-in by the assigned clinician
         * @description Send the device's position; away from the home (or none) is recorded as an EVV exception
         */
        post: operations["checkIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/visits/{id}/check-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** EVV check-out by the assigned clinician; completes the visit */
        post: operations["checkOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/visits/{id}/missed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that a scheduled visit did not happen, with the reason */
        post: operations["missed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduling/v1/visits/{id}/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Free slots for a visit on a day, per qualified clinician, with load and travel
         * @description Times on a half-hour grid inside each active qualified clinician's working hours that the booking rules accept now (hours, time off, other visits and travel, the visit's window, the patient's preferred times, authorization). Each clinician comes with the visits they have that day and week and their daily limit; a clinician without a slot, and the visit when nobody has one, come with the rules that refuse. Times are instants; 'zone' is the agency's zone. Default day: the first day of the window not in the past; default length 60 minutes.
         */
        get: operations["slots"];
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
        Achievement: {
            /** Format: int32 */
            bookedNow: number;
            /** Format: int32 */
            continuityPercent: number;
            /** Format: int32 */
            continuityPercentNow: number;
            /** Format: int32 */
            plannedVisits: number;
            /** Format: int32 */
            scopedVisits: number;
            /** Format: int64 */
            travelMinutes: number;
            /** Format: int64 */
            travelMinutesNow: number;
        };
        Applied: {
            booked: string[];
            jobId: string;
            refused: components["schemas"]["Refused"][];
        };
        ApplyRequest: {
            visitIds: string[];
        };
        Assignment: {
            /** @enum {string} */
            change: "NEW" | "MOVED" | "UNCHANGED" | "PINNED";
            clinicianId: string;
            clinicianName: string;
            discipline: string;
            /** Format: date-time */
            end: string;
            explanation: components["schemas"]["Explanation"];
            patientId: string;
            /** Format: date-time */
            start: string;
            visitId: string;
        };
        AuthorizationUse: {
            /** Format: int32 */
            approvedUnits: number;
            authorizationId: string;
            discipline: string;
            /** Format: date */
            from: string;
            status: string;
            /** Format: date */
            to: string;
            /** @enum {string} */
            unitRule: "PER_VISIT" | "PER_15_MINUTES";
            /** Format: int32 */
            unitsBookedOrUsed: number;
            /** Format: int32 */
            unitsRemaining: number;
        };
        Base: {
            /** Format: double */
            latitude: number;
            /** Format: double */
            longitude: number;
        };
        Best: {
            /** Format: int64 */
            assigned: number;
            /** Format: int64 */
            elapsedMillis: number;
            /** Format: double */
            hardViolations: number;
            /** Format: int64 */
            iterations: number;
            /** Format: double */
            objective: number;
            /** Format: int64 */
            unassigned: number;
        };
        Blocker: {
            message: string;
            rule: string;
        };
        Blockers: {
            visits: {
                [key: string]: components["schemas"]["Blocker"][];
            };
            /** Format: date */
            weekStart: string;
            zone: string;
        };
        Board: {
            booked: {
                [key: string]: components["schemas"]["Visit"][];
            };
            unassigned: components["schemas"]["Visit"][];
            /** Format: date */
            weekStart: string;
            zone: string;
        };
        Booking: {
            authorizationId: string;
            clinicianId: string;
            /** Format: date-time */
            end: string;
            /** Format: date-time */
            start: string;
            telehealthLink: string;
            /** Format: int32 */
            units: number;
        };
        BookingRequest: {
            clinicianId: string;
            /** Format: date-time */
            end: string;
            /** Format: date-time */
            start: string;
            telehealthLink?: string;
            /** @enum {string} */
            type?: "IN_HOME" | "TELEHEALTH";
        };
        Breakdown: {
            hard: {
                [key: string]: number;
            };
            soft: {
                [key: string]: number;
            };
        };
        Cancellation: {
            /** @enum {string} */
            reason: "PATIENT_REQUEST" | "PHYSICIAN_ORDER" | "PATIENT_HOSPITALIZED" | "AGENCY" | "WEATHER" | "OTHER";
        };
        Certification: {
            /** Format: date */
            expiresOn: string;
            name: string;
        };
        Change: {
            action: string;
            /** Format: date-time */
            at: string;
            by: string;
            clinicianId: string;
            /** Format: date-time */
            end: string;
            reason: string;
            /** Format: date-time */
            start: string;
        };
        CheckPoint: {
            /** Format: date-time */
            at: string;
            clinicianId: string;
            /** Format: double */
            latitude: number;
            /** Format: double */
            longitude: number;
        };
        Clinician: {
            active: boolean;
            certifications: components["schemas"]["Certification"][];
            /** @enum {string} */
            discipline: "RN" | "LPN" | "PT" | "OT" | "ST" | "DIETITIAN" | "SOCIAL_WORKER" | "AIDE";
            homeBase: components["schemas"]["GeoPoint"];
            hours: components["schemas"]["WorkingHours"][];
            id: string;
            languages: string[];
            /** Format: int32 */
            maxVisitsPerDay: number;
            name: string;
            skills: string[];
            subject: string;
            timeOff: components["schemas"]["TimeOff"][];
        };
        ClinicianRequest: {
            active?: boolean;
            certifications: components["schemas"]["Certification"][];
            /** @enum {string} */
            discipline: "RN" | "LPN" | "PT" | "OT" | "ST" | "DIETITIAN" | "SOCIAL_WORKER" | "AIDE";
            homeBase: components["schemas"]["Base"];
            hours: components["schemas"]["WorkingHours"][];
            languages?: string[];
            /** Format: int32 */
            maxVisitsPerDay?: number;
            name: string;
            skills: string[];
            subject?: string;
            timeOff: components["schemas"]["TimeOff"][];
        };
        ClinicianSlots: {
            clinicianId: string;
            /** @enum {string} */
            discipline: "RN" | "LPN" | "PT" | "OT" | "ST" | "DIETITIAN" | "SOCIAL_WORKER" | "AIDE";
            /** Format: int32 */
            maxVisitsPerDay: number;
            name: string;
            slots: components["schemas"]["Slot"][];
            /** Format: int32 */
            visitsThatDay: number;
            /** Format: int32 */
            visitsThatWeek: number;
            why: components["schemas"]["Blocker"][];
        };
        Day: {
            clinicianId: string;
            /** Format: date */
            date: string;
            stops: components["schemas"]["Stop"][];
            /** Format: double */
            totalKilometres: number;
            /** Format: int64 */
            totalTravelMinutes: number;
            zone: string;
        };
        DoubleStaffing: {
            /** Format: int32 */
            maxGapMinutes?: number;
            /** Format: int32 */
            minGapMinutes?: number;
            partnerDiscipline: string;
        };
        EvvException: {
            /** Format: date-time */
            at: string;
            code: string;
            /** Format: double */
            distanceMetres: number;
            /** @enum {string} */
            stage: "CHECK_IN" | "CHECK_OUT";
        };
        Explanation: {
            drivers: string[];
            preferredClinician: boolean;
            /** Format: int32 */
            qualifiedClinicianDays: number;
            seenPatientBefore: boolean;
            /** Format: int64 */
            travelMinutesFromPrevious: number;
        };
        FamilyVisit: {
            clinicianFirstName: string;
            discipline: string;
            /** Format: date-time */
            end: string;
            /** Format: date-time */
            start: string;
        };
        GeoPoint: {
            /** Format: double */
            latitude: number;
            /** Format: double */
            longitude: number;
        };
        JobRequest: {
            disciplines?: string[];
            /** Format: date */
            from: string;
            /** @enum {string} */
            mode?: "OPTIMIZE" | "REPAIR";
            moveBookedVisits?: boolean;
            patientIds?: string[];
            pinnedVisitIds?: string[];
            /** Format: int32 */
            timeLimitSeconds?: number;
            /** Format: date */
            to: string;
        };
        JobView: {
            best: components["schemas"]["Best"];
            disciplines: string[];
            failure: string;
            /** Format: date */
            from: string;
            id: string;
            /** @enum {string} */
            mode: "OPTIMIZE" | "REPAIR";
            patientIds: string[];
            progress: components["schemas"]["Progress"][];
            /** @enum {string} */
            status: "QUEUED" | "SOLVING" | "DONE" | "STOPPED" | "FAILED" | "APPLIED" | "INTERRUPTED";
            /** Format: date */
            to: string;
        };
        Missed: {
            /** @enum {string} */
            reason: "PATIENT_NOT_HOME" | "PATIENT_REFUSED" | "PATIENT_HOSPITALIZED" | "CLINICIAN_UNAVAILABLE" | "WEATHER" | "OTHER";
        };
        Needs: {
            certifications: string[];
            skills: string[];
        };
        NewVisit: {
            certifications?: string[];
            discipline: string;
            doubleStaffed?: components["schemas"]["DoubleStaffing"];
            /** Format: date */
            earliest: string;
            /** Format: date */
            latest: string;
            patientId: string;
            skills?: string[];
            /** @enum {string} */
            type?: "IN_HOME" | "TELEHEALTH";
        };
        Offer: {
            blockers: components["schemas"]["Blocker"][];
            clinicians: components["schemas"]["ClinicianSlots"][];
            /** Format: date */
            date: string;
            /** Format: int32 */
            minutes: number;
            /** @enum {string} */
            type: "IN_HOME" | "TELEHEALTH";
            visitId: string;
            zone: string;
        };
        PageResponseClinician: {
            items: components["schemas"]["Clinician"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            totalItems: number;
            /** Format: int32 */
            totalPages: number;
        };
        PageResponsePatientSchedulingView: {
            items: components["schemas"]["PatientSchedulingView"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            totalItems: number;
            /** Format: int32 */
            totalPages: number;
        };
        PageResponseSharedVisit: {
            items: components["schemas"]["SharedVisit"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            totalItems: number;
            /** Format: int32 */
            totalPages: number;
        };
        PageResponseVisit: {
            items: components["schemas"]["Visit"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            totalItems: number;
            /** Format: int32 */
            totalPages: number;
        };
        Pairing: {
            leads: boolean;
            /** Format: int32 */
            maxGapMinutes: number;
            /** Format: int32 */
            minGapMinutes: number;
            partnerVisitId: string;
        };
        PatientSchedulingView: {
            /** Format: date-time */
            admittedAt: string;
            language: string;
            /** Format: double */
            latitude: number;
            /** Format: double */
            longitude: number;
            patientId: string;
            postalCode: string;
            preferredClinicianId: string;
            status: string;
            timeWindows: components["schemas"]["TimeWindow"][];
        };
        PatientVisits: {
            familyView: components["schemas"]["FamilyVisit"][];
            patientId: string;
            visits: components["schemas"]["Visit"][];
        };
        PlanView: {
            achieves: components["schemas"]["Achievement"];
            assignments: components["schemas"]["Assignment"][];
            breakdown: components["schemas"]["Breakdown"];
            feasible: boolean;
            /** Format: double */
            hardViolations: number;
            jobId: string;
            /** Format: double */
            objective: number;
            /** Format: int64 */
            travelMinutes: number;
            unassigned: components["schemas"]["Unassigned"][];
            zone: string;
        };
        PositionRequest: {
            /** Format: double */
            latitude: number;
            /** Format: double */
            longitude: number;
        };
        Preferences: {
            preferredClinicianId?: string;
            timeWindows: components["schemas"]["TimeWindow"][];
        };
        Progress: {
            /** Format: int64 */
            atMillis: number;
            /** Format: double */
            hardViolations: number;
            /** Format: double */
            objective: number;
        };
        Refused: {
            detail: string;
            violations: components["schemas"]["RuleViolation"][];
            visitId: string;
        };
        RuleViolation: {
            message: string;
            rule: string;
        };
        SharedVisit: {
            clinicianFirstName: string;
            discipline: string;
            /** Format: date */
            earliest: string;
            /** Format: date-time */
            end: string;
            /** Format: date */
            latest: string;
            /** Format: date-time */
            start: string;
            /** @enum {string} */
            status: "UNSCHEDULED" | "SCHEDULED" | "CHECKED_IN" | "COMPLETED" | "MISSED" | "CANCELLED";
            /** @enum {string} */
            type: "IN_HOME" | "TELEHEALTH";
        };
        Slot: {
            /** Format: date-time */
            end: string;
            /** Format: date-time */
            start: string;
            /** Format: int64 */
            travelMinutesFromPrevious: number;
        };
        SseEmitter: {
            /** Format: int64 */
            timeout: number;
        };
        Stop: {
            /** Format: date-time */
            checkInClosesAt: string;
            /** Format: date-time */
            checkInOpensAt: string;
            discipline: string;
            /** Format: date-time */
            end: string;
            /** Format: double */
            kilometresFromPrevious: number;
            patientId: string;
            /** Format: date-time */
            start: string;
            /** @enum {string} */
            status: "UNSCHEDULED" | "SCHEDULED" | "CHECKED_IN" | "COMPLETED" | "MISSED" | "CANCELLED";
            /** Format: int64 */
            travelMinutesFromPrevious: number;
            /** @enum {string} */
            type: "IN_HOME" | "TELEHEALTH";
            visitId: string;
        };
        TimeOff: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
        };
        TimeWindow: {
            /** @enum {string} */
            day: "MONDAY" | "TUESDAY" | "WEDNESDAY" | "THURSDAY" | "FRIDAY" | "SATURDAY" | "SUNDAY";
            /** Format: time-local */
            end: string;
            /** Format: time-local */
            start: string;
        };
        Unassigned: {
            discipline: string;
            patientId: string;
            reason: string;
            visitId: string;
        };
        Visit: {
            active: boolean;
            booking: components["schemas"]["Booking"];
            checkIn: components["schemas"]["CheckPoint"];
            checkOut: components["schemas"]["CheckPoint"];
            discipline: string;
            /** Format: date */
            earliest: string;
            evvExceptions: components["schemas"]["EvvException"][];
            history: components["schemas"]["Change"][];
            id: string;
            /** Format: date */
            latest: string;
            /** Format: date-time */
            missedRiskRaisedAt: string;
            needs: components["schemas"]["Needs"];
            pairing: components["schemas"]["Pairing"];
            patientId: string;
            /** Format: int32 */
            planVersion: number;
            reason: string;
            /** @enum {string} */
            status: "UNSCHEDULED" | "SCHEDULED" | "CHECKED_IN" | "COMPLETED" | "MISSED" | "CANCELLED";
            /** @enum {string} */
            type: "IN_HOME" | "TELEHEALTH";
        };
        VisitPlanView: {
            patientId: string;
            /** Format: int32 */
            planVersion: number;
            requirements: components["schemas"]["VisitRequirement"][];
        };
        VisitRequirement: {
            discipline: string;
            /** Format: date */
            from: string;
            /** Format: int32 */
            maxVisits: number;
            /** Format: int32 */
            minVisits: number;
            partialWeek: boolean;
            /** Format: int32 */
            planVersion: number;
            /** Format: date */
            to: string;
        };
        WorkingHours: {
            /** @enum {string} */
            day: "MONDAY" | "TUESDAY" | "WEDNESDAY" | "THURSDAY" | "FRIDAY" | "SATURDAY" | "SUNDAY";
            /** Format: time-local */
            end: string;
            /** Format: time-local */
            start: string;
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
    board: {
        parameters: {
            query?: {
                week?: string;
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
                    "*/*": components["schemas"]["Board"];
                };
            };
        };
    };
    blockers: {
        parameters: {
            query?: {
                week?: string;
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
                    "*/*": components["schemas"]["Blockers"];
                };
            };
        };
    };
    list_1: {
        parameters: {
            query?: {
                discipline?: "RN" | "LPN" | "PT" | "OT" | "ST" | "DIETITIAN" | "SOCIAL_WORKER" | "AIDE";
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
                    "*/*": components["schemas"]["PageResponseClinician"];
                };
            };
        };
    };
    add_1: {
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
                "application/json": components["schemas"]["ClinicianRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Clinician"];
                };
            };
        };
    };
    calendar: {
        parameters: {
            query?: {
                days?: number;
                from?: string;
            };
            header?: never;
            path: {
                clinicianId: string;
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
                    "text/calendar": string;
                };
            };
        };
    };
    day: {
        parameters: {
            query?: {
                date?: string;
            };
            header?: never;
            path: {
                clinicianId: string;
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
                    "*/*": components["schemas"]["Day"];
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
                    "*/*": components["schemas"]["Clinician"];
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
                "application/json": components["schemas"]["ClinicianRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Clinician"];
                };
            };
        };
    };
    list_2: {
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
                    "*/*": components["schemas"]["PageResponsePatientSchedulingView"];
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
                    "*/*": components["schemas"]["PatientSchedulingView"];
                };
            };
        };
    };
    authorizations: {
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
                    "*/*": components["schemas"]["AuthorizationUse"][];
                };
            };
        };
    };
    setPreferences: {
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
                "application/json": components["schemas"]["Preferences"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["PatientSchedulingView"];
                };
            };
        };
    };
    get_4: {
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
                    "*/*": components["schemas"]["VisitPlanView"];
                };
            };
        };
    };
    patientVisits: {
        parameters: {
            query?: {
                from?: string;
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
                    "*/*": components["schemas"]["PatientVisits"];
                };
            };
        };
    };
    start: {
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
                "application/json": components["schemas"]["JobRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["JobView"];
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
                    "*/*": components["schemas"]["JobView"];
                };
            };
        };
    };
    apply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApplyRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Applied"];
                };
            };
        };
    };
    events: {
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
                    "text/event-stream": components["schemas"]["SseEmitter"];
                };
            };
        };
    };
    plan: {
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
                    "*/*": components["schemas"]["PlanView"];
                };
            };
        };
    };
    stop: {
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
                    "*/*": components["schemas"]["JobView"];
                };
            };
        };
    };
    visits: {
        parameters: {
            query?: {
                /** @description first day (default today, agency's zone) */
                from?: string;
                page?: number;
                size?: number;
                /** @description last day */
                to?: string;
            };
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
                    "*/*": components["schemas"]["PageResponseSharedVisit"];
                };
            };
        };
    };
    list: {
        parameters: {
            query?: {
                clinicianId?: string;
                from?: string;
                page?: number;
                patientId?: string;
                size?: number;
                status?: "UNSCHEDULED" | "SCHEDULED" | "CHECKED_IN" | "COMPLETED" | "MISSED" | "CANCELLED";
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
                    "*/*": components["schemas"]["PageResponseVisit"];
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
                "application/json": components["schemas"]["NewVisit"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Visit"];
                };
            };
        };
    };
    get_1: {
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
                    "*/*": components["schemas"]["Visit"];
                };
            };
        };
    };
    book: {
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
                "application/json": components["schemas"]["BookingRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Visit"];
                };
            };
        };
    };
    cancel: {
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
                "application/json": components["schemas"]["Cancellation"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Visit"];
                };
            };
        };
    };
    checkIn: {
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
                "application/json": components["schemas"]["PositionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Visit"];
                };
            };
        };
    };
    checkOut: {
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
                "application/json": components["schemas"]["PositionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Visit"];
                };
            };
        };
    };
    missed: {
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
                "application/json": components["schemas"]["Missed"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["Visit"];
                };
            };
        };
    };
    slots: {
        parameters: {
            query?: {
                date?: string;
                minutes?: number;
                type?: "IN_HOME" | "TELEHEALTH";
            };
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
                    "*/*": components["schemas"]["Offer"];
                };
            };
        };
    };
}
