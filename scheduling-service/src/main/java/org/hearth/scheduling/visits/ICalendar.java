package org.hearth.scheduling.visits;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes visits as an RFC 5545 calendar. Calendar apps sync to third-party servers, so an event says only the
 * discipline and a short visit reference; the clinician opens Hearth for the patient.
 */
final class ICalendar {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";

    private ICalendar() {}

    static String of(String calendarName, List<Visit> visits, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Hearth//Scheduling//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:" + escape("Hearth visits - " + calendarName));
        for (Visit visit : visits) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + visit.id() + "@hearth");
            line(ics, "DTSTAMP:" + UTC.format(now));
            line(ics, "DTSTART:" + UTC.format(visit.booking().start()));
            line(ics, "DTEND:" + UTC.format(visit.booking().end()));
            line(
                    ics,
                    "SUMMARY:"
                            + escape(visit.discipline() + " visit"
                                    + (visit.type() == Visit.VisitType.TELEHEALTH ? " (telehealth)" : "")));
            line(ics, "DESCRIPTION:" + escape("Hearth visit " + visit.id().substring(0, 8)));
            line(ics, "STATUS:CONFIRMED");
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in text. */
    static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\n", "\\n");
    }

    /** Lines longer than 75 octets are folded (RFC 5545 §3.1); ours are ASCII, so characters are octets. */
    private static void line(StringBuilder ics, String content) {
        String rest = content;
        while (rest.length() > 75) {
            ics.append(rest, 0, 75).append(CRLF).append(' ');
            rest = rest.substring(75);
        }
        ics.append(rest).append(CRLF);
    }
}
