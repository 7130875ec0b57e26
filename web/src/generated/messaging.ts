// Generated from contracts/openapi/messaging.json by `npm run api` (web/). Do not edit: change the service,
// run ./hearth api-contracts, and let the compiler show what the change breaks.

export interface paths {
    "/api/messaging/v1/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My deliveries as server-sent events; Last-Event-ID replays what I missed
         * @description Without Last-Event-ID the stream starts with my first delivery, or with the next one when since=now (a screen that loads its data itself). The first comment carries the event id to resume from, so a reconnect loses nothing even before the first event. Billing staff take part in no thread but receive billing's changes (CHANGE events) here. lastEventId is the same position for a client that opens a new stream itself (the header wins). An instance that holds as many streams as it can answers 503 with Retry-After.
         */
        get: operations["stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/v1/threads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The threads I take part in
         * @description Optionally only one patient's (patientId) and of one kind (kind), as the console finds a patient's care-team, family or huddle threads; paged (max 200)
         */
        get: operations["mine"];
        put?: never;
        /**
         * Open a DIRECT thread with a colleague or call a HUDDLE on a patient
         * @description Care-team and family threads are opened by admission, not here. With Idempotency-Key, a retry of the same request answers the same thread and opens none twice; another body is 422
         */
        post: operations["open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/v1/threads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A thread I take part in, with its participants (and a huddle's agenda and decisions) */
        get: operations["get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/v1/threads/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a huddle's decision, optionally linked to the care plan version it led to */
        post: operations["decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/v1/threads/{id}/membership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join a patient's family thread (care-team members only) */
        post: operations["join"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/v1/threads/{threadId}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a JPEG, PNG, HEIC or PDF of at most 10 MB (multipart field 'file')
         * @description The type is read from the content; image location metadata is removed; stored encrypted. With Idempotency-Key, a retry of the same upload (same bytes, same thread) answers the same attachment and stores nothing twice; the same key with other bytes is 422
         */
        post: operations["upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/v1/threads/{threadId}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment (participants only) */
        get: operations["download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/v1/threads/{threadId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages, newest first; page back with before=<sentAt of the oldest seen> */
        get: operations["list"];
        put?: never;
        /**
         * Post a message (at most 4,000 characters)
         * @description urgent names a participant who must acknowledge, and a backup who gets it if they do not within hearth.messaging.urgent.acknowledge-within (30 min); attachments are uploaded first. With Idempotency-Key, a retry of the same request answers the same message (201, same Location) and posts nothing twice; the same key with another body (or thread) is 422
         */
        post: operations["post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/v1/threads/{threadId}/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Edit my message within the edit window (15 min); the earlier text is kept and audited */
        put: operations["edit"];
        post?: never;
        /** Delete my message within the edit window; the text stays in the audited history only */
        delete: operations["delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/v1/threads/{threadId}/messages/{messageId}/acknowledgement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge an urgent message (its recipient, or the backup once escalated) */
        post: operations["acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/v1/threads/{threadId}/messages/{messageId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A read receipt */
        post: operations["read"];
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
        DecisionRequest: {
            /** Format: int32 */
            carePlanVersion?: number;
            text: string;
        };
        DecisionView: {
            /** Format: int32 */
            carePlanVersion: number;
            id: string;
            /** Format: date-time */
            recordedAt: string;
            recordedBy: string;
            text: string;
        };
        EditRequest: {
            body: string;
        };
        HuddleView: {
            agenda: string;
            decisions: components["schemas"]["DecisionView"][];
            /** Format: date-time */
            meetsAt: string;
        };
        MessageView: {
            attachmentIds: string[];
            author: string;
            body: string;
            deleted: boolean;
            /** Format: date-time */
            editedAt: string;
            id: string;
            notice: components["schemas"]["Notice"];
            readBy: components["schemas"]["Receipt"][];
            /** Format: int32 */
            revisions: number;
            /** Format: date-time */
            sentAt: string;
            threadId: string;
            urgent: components["schemas"]["Urgent"];
        };
        NewThread: {
            agenda?: string;
            attendees?: string[];
            /** @enum {string} */
            kind: "CARE_TEAM" | "FAMILY" | "DIRECT" | "HUDDLE";
            /** Format: date-time */
            meetsAt?: string;
            patientId?: string;
            with?: string;
        };
        Notice: {
            /** Format: date-time */
            at: string;
            discipline: string;
            kind: string;
            /** Format: int32 */
            planVersion: number;
            /** Format: date-time */
            previousAt: string;
            scope: string;
        };
        PageResponseThreadView: {
            items: components["schemas"]["ThreadView"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            totalItems: number;
            /** Format: int32 */
            totalPages: number;
        };
        PostRequest: {
            attachmentIds?: string[];
            body: string;
            urgent?: components["schemas"]["UrgentRequest"];
        };
        Receipt: {
            /** Format: date-time */
            at: string;
            subject: string;
        };
        SseEmitter: {
            /** Format: int64 */
            timeout: number;
        };
        ThreadView: {
            /** Format: date-time */
            createdAt: string;
            huddle: components["schemas"]["HuddleView"];
            id: string;
            /** @enum {string} */
            kind: "CARE_TEAM" | "FAMILY" | "DIRECT" | "HUDDLE";
            participants: string[];
            patientId: string;
        };
        Urgent: {
            /** Format: date-time */
            acknowledgedAt: string;
            acknowledgedBy: string;
            backup: string;
            /** Format: date-time */
            closedAt: string;
            /** Format: date-time */
            dueAt: string;
            /** Format: date-time */
            escalatedAt: string;
            recipient: string;
        };
        UrgentRequest: {
            backup?: string;
            recipient: string;
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
    stream: {
        parameters: {
            query?: {
                lastEventId?: string;
                since?: string;
            };
            header?: {
                "Last-Event-ID"?: string;
            };
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
                    "text/event-stream": components["schemas"]["SseEmitter"];
                };
            };
        };
    };
    mine: {
        parameters: {
            query?: {
                kind?: "CARE_TEAM" | "FAMILY" | "DIRECT" | "HUDDLE";
                page?: number;
                patientId?: string;
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
                    "*/*": components["schemas"]["PageResponseThreadView"];
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
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewThread"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["ThreadView"];
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
                    "*/*": components["schemas"]["ThreadView"];
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
                "application/json": components["schemas"]["DecisionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["ThreadView"];
                };
            };
        };
    };
    join: {
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
                    "*/*": components["schemas"]["ThreadView"];
                };
            };
        };
    };
    upload: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                threadId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attachmentId: string;
                threadId: string;
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
                    "*/*": string;
                };
            };
        };
    };
    list: {
        parameters: {
            query?: {
                before?: string;
                size?: number;
            };
            header?: never;
            path: {
                threadId: string;
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
                    "*/*": components["schemas"]["MessageView"][];
                };
            };
        };
    };
    post: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                threadId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["MessageView"];
                };
            };
        };
    };
    edit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: string;
                threadId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": components["schemas"]["MessageView"];
                };
            };
        };
    };
    delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: string;
                threadId: string;
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
    acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: string;
                threadId: string;
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
                    "*/*": components["schemas"]["MessageView"];
                };
            };
        };
    };
    read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: string;
                threadId: string;
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
                    "*/*": components["schemas"]["MessageView"];
                };
            };
        };
    };
}
