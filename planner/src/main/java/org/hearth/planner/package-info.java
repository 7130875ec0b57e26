/**
 * The visit planner: assigns tasks (a visit's service) to workers (a clinician's day) and orders each worker's
 * route, under hard rules (qualification, time windows and deadlines, shift ends, task limits, synchronized
 * double services on two different workers, pinned tasks, and the opt-in agency rules: one task at a time per home,
 * once per day per group, starts on a grid, a worker's break) while minimising a weighted sum of travel, total and
 * maximum tardiness, preference costs (continuity of care, preferred clinician, language) and workload imbalance.
 *
 * <p>Plain Java with no framework: scheduling-service maps Hearth's visits and clinicians onto it, and the bench
 * module maps the HHCRSP benchmark (Mankowska, Meisel &amp; Bierwirth 2014) onto it. The one mapping table:
 * <pre>
 *   planner          Hearth (scheduling-service)                 HHCRSP benchmark
 *   worker           a clinician on one day (shift = hours)      a caregiver ("vehicle"), one route from the depot
 *   task             one clinician's part of a visit             a (patient, service) pair
 *   qualification    discipline, skills, valid certifications   a[v][s] = 1
 *   duration         booked or default visit length             p[i][v][s]
 *   window           patient's window on that day, else hours   [e_i, l_i]; start after l_i is tardiness
 *   partner + gap    a double-staffed visit (two clinicians)     DS patients: simultaneous or [mind, maxd]
 *   pinned           checked-in, completed or locked visits      (none)
 *   travel           TravelTimeEstimator between homes           the distance matrix d (1 unit = 1 minute)
 *   home             the patient's address (no overlap there)   (none: each patient its own place)
 *   once-per-day     one patient's discipline, per date          (none)
 *   grid             agency's start grid (default 5 minutes)     0: any start
 *   spread           a weekly order's visits over its week       (none)
 *   continuity       one clinician per patient and discipline    (none)
 *   break            lunch in the agency's window on long days   (none)
 *   named preference preferred clinician, language, new to the   (none)
 *                    patient, stability (moving a booking)
 * </pre>
 */
package org.hearth.planner;
