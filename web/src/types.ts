// The parts of the services' JSON the app reads (see the services' controllers).

export interface Patient {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  status: string;
  phone?: string;
  language?: string;
  address?: { line1?: string; city?: string; state?: string; postalCode?: string };
}

export interface Visit {
  id: string;
  patientId: string;
  discipline: string;
  type: string;
  earliest: string;
  latest: string;
  status: 'UNSCHEDULED' | 'SCHEDULED' | 'CHECKED_IN' | 'COMPLETED' | 'MISSED' | 'CANCELLED';
  booking?: { clinicianId: string; start: string; end: string } | null;
  reason?: string | null;
  /** EVV: when and where the clinician checked in and out (null coordinates: no position was sent). */
  checkIn?: CheckPoint | null;
  checkOut?: CheckPoint | null;
  evvExceptions?: EvvException[];
  /** A double-staffed visit: its partner, by another clinician, starts between minGap and maxGap minutes later. */
  pairing?: { partnerVisitId: string; leads: boolean; minGapMinutes: number; maxGapMinutes: number } | null;
  /** When the missed-visit watch warned that no one had checked in yet. */
  missedRiskRaisedAt?: string | null;
}

export interface CheckPoint {
  at: string;
  latitude?: number | null;
  longitude?: number | null;
  clinicianId?: string;
}

/** Why an EVV record needs the coordinator's review. */
export interface EvvException {
  stage: 'CHECK_IN' | 'CHECK_OUT';
  code: 'NO_LOCATION' | 'PATIENT_ADDRESS_NOT_GEOCODED' | 'OUTSIDE_RADIUS' | string;
  distanceMetres?: number | null;
  at: string;
}

/** scheduling-service's week board (GET /scheduling/v1/board?week=YYYY-MM-DD): weeks run Sunday to Saturday. */
export interface Board {
  /** The Sunday the week starts on. */
  weekStart: string;
  /** Booked visits (scheduled, checked in, completed) by day in the agency's zone, each day in time order. */
  booked: Record<string, Visit[]>;
  /** Unscheduled visits whose window (earliest..latest) meets the week. */
  unassigned: Visit[];
  /** The agency's zone (IANA id), in which days are counted and times are shown and entered. */
  zone?: string;
}

export interface Alert {
  id: string;
  patientId: string;
  rule: string;
  severity: 'WARNING' | 'HIGH' | 'CRITICAL';
  finding: string;
  status: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';
  raisedAt: string;
}

export interface TransitionOfCare {
  patientId: string;
  dischargedOn: string;
  tasks: { type: string; dueOn: string; status: 'OPEN' | 'OVERDUE' | 'DONE' }[];
}

export interface PriorAuthorization {
  id: string;
  patientId: string;
  discipline: string;
  status: string;
  requestedUnits: number;
  approvedUnits?: number | null;
  unitsUsed: number;
  from: string;
  to: string;
  decisionDueAt?: string | null;
  overdueFlagged: boolean;
  lowFlagged: boolean;
  exhaustedFlagged: boolean;
}

export interface CareTeamMember {
  subject: string;
  role: string;
  displayName?: string;
  lead: boolean;
}

export interface CarePlanContent {
  problems: { description: string; goals: { description: string; measure: string; targetDate: string }[] }[];
  interventions: string[];
  medications: { name: string; dose: string; route: string; times: string[] }[];
  diet: string[];
  equipment: { item: string; status: string }[];
  communityServices: string[];
  frequency: string;
}

export interface CarePlanVersion {
  number: number;
  status: string;
  content: CarePlanContent;
  authoredBy: string;
  authoredAt: string;
  signedBy?: string | null;
  signedAt?: string | null;
  submittedBy?: string | null;
  submittedAt?: string | null;
}

export interface PatientSummary {
  patient: Patient;
  leadPhysician?: string | null;
  careTeam: CareTeamMember[];
  activePlan?: CarePlanVersion | null;
}

export interface CarePlanView {
  patientId: string;
  active?: CarePlanVersion | null;
  draft?: CarePlanVersion | null;
}

export interface Clinician {
  id: string;
  subject: string;
  name: string;
  discipline: string;
  homeBase?: { latitude: number; longitude: number } | null;
}

export interface Stop {
  visitId: string;
  patientId: string;
  discipline: string;
  type: string;
  status: string;
  start: string;
  end: string;
  travelMinutesFromPrevious: number;
  kilometresFromPrevious: number;
  /** EVV check-in is open from checkInOpensAt until checkInClosesAt (scheduling-service's rule). */
  checkInOpensAt?: string;
  checkInClosesAt?: string;
}

export interface Day {
  clinicianId: string;
  date: string;
  stops: Stop[];
  totalTravelMinutes: number;
  totalKilometres: number;
  /** The agency's time zone (IANA), in which the day runs. */
  zone?: string;
}

export interface FamilyVisit {
  start: string;
  end: string;
  discipline: string;
  clinicianFirstName?: string | null;
}

export interface Thread {
  id: string;
  kind: 'CARE_TEAM' | 'FAMILY' | 'DIRECT' | 'HUDDLE';
  patientId?: string | null;
}

export interface Message {
  id: string;
  author: string;
  body: string;
  sentAt: string;
  deleted: boolean;
}

export const DISCIPLINES: Record<string, string> = {
  SN: 'Nursing',
  RN: 'Nursing',
  LPN: 'Nursing',
  PT: 'Physical therapy',
  OT: 'Occupational therapy',
  ST: 'Speech therapy',
  MSW: 'Social work',
  HHA: 'Home health aide',
  AIDE: 'Home health aide',
};

export function discipline(code: string): string {
  return DISCIPLINES[code] ?? code;
}

export function fullName(p: Pick<Patient, 'givenName' | 'familyName'>): string {
  return `${p.givenName} ${p.familyName}`;
}
