import { describe, expect, it } from 'vitest';
import { check, emptyForm, fromAssessment, hazardsOf, serverErrors, toRequest, type Assessment } from './assessment';

function filled() {
  const form = emptyForm();
  form.baseline.SYSTOLIC_BP = '142';
  form.baseline.HEART_RATE = '81';
  form.baseline.WEIGHT = '68,5';
  for (const adl of Object.keys(form.functional)) form.functional[adl] = 'INDEPENDENT';
  for (const item of Object.keys(form.homeSafety)) form.homeSafety[item] = { status: 'OK', finding: '', action: '' };
  form.homeSafety.LOOSE_RUGS = { status: 'HAZARD', finding: 'Runner in the hallway', action: 'Remove the hall runner' };
  form.goals = 'Climb the stairs\n\n  Garden again  ';
  return form;
}

describe('assessment form', () => {
  it('saving a partial assessment asks for nothing, completing it asks for every missing part by field', () => {
    expect(check(emptyForm(), false)).toEqual({});
    const errors = check(emptyForm(), true);
    expect(errors['baseline.SYSTOLIC_BP']).toEqual(['Enter the systolic blood pressure: it is needed to complete the assessment.']);
    expect(errors['baseline.HEART_RATE']).toHaveLength(1);
    expect(errors['baseline.WEIGHT']).toBeUndefined();
    expect(Object.keys(errors).filter((k) => k.startsWith('functional.'))).toHaveLength(6);
    expect(Object.keys(errors).filter((k) => k.startsWith('homeSafety.'))).toHaveLength(12);
    expect(errors.goals).toEqual(["Write at least one of the patient's own goals."]);
    expect(check(filled(), true)).toEqual({});
  });

  it('refuses a hazard without an action and an impossible reading, even when only saving', () => {
    const form = filled();
    form.homeSafety.GRAB_BARS = { status: 'HAZARD', finding: 'No bar by the tub', action: ' ' };
    form.baseline.HEART_RATE = '400';
    form.baseline.PAIN = '3.5';
    const errors = check(form, false);
    expect(errors['homeSafety.GRAB_BARS.action']).toEqual(['Grab bars is a hazard: say what will be done about it.']);
    expect(errors['baseline.HEART_RATE']).toEqual(['Heart rate must be a number from 20 to 300 (beats/min).']);
    expect(errors['baseline.PAIN']).toEqual(['The pain score is a whole number from 0 to 10.']);
  });

  it('sends only what is filled in, in canonical units, goals one per line', () => {
    const request = toRequest(filled());
    expect(request.baseline).toEqual([
      { vital: 'SYSTOLIC_BP', value: 142, unit: 'mm[Hg]' },
      { vital: 'HEART_RATE', value: 81, unit: '/min' },
      { vital: 'WEIGHT', value: 68.5, unit: 'kg' },
    ]);
    expect(request.homeSafety).toHaveLength(12);
    expect(request.homeSafety[0]).toEqual({ item: 'LOOSE_RUGS', status: 'HAZARD', finding: 'Runner in the hallway', action: 'Remove the hall runner' });
    expect(request.homeSafety[1]).toEqual({ item: 'GRAB_BARS', status: 'OK', finding: null, action: null });
    expect(request.goals).toEqual(['Climb the stairs', 'Garden again']);
    expect(request.medicalHistory).toBeNull();
    expect(toRequest(emptyForm())).toEqual({ baseline: [], medicalHistory: null, functional: [], homeSafety: [], goals: [] });
  });

  it("places the service's errors on the fields they are about", () => {
    const sent = toRequest(filled());
    const errors = serverErrors(
      {
        errors: [
          { field: 'baseline[1].value', message: 'HEART_RATE of 400.0 /min is not physiologically possible (20.0 to 300.0 /min)' },
          { field: 'homeSafety[0].finding', message: 'size must be between 0 and 500' },
          { field: 'homeSafety', message: 'not checked: [PETS, OXYGEN_SAFETY]' },
          { field: 'homeSafety', message: 'GRAB_BARS is a hazard and needs an action' },
          { field: 'functional', message: 'not rated: [FEEDING]' },
          { field: 'goals', message: "the patient's own goals are missing" },
          { field: 'body', message: 'The request could not be read' },
        ],
      },
      sent,
    );
    expect(errors['baseline.HEART_RATE']).toEqual(['Heart rate of 400.0 /min is not physiologically possible (20.0 to 300.0 /min).']);
    expect(errors['homeSafety.LOOSE_RUGS.finding']).toEqual(['Finding size must be between 0 and 500.']);
    expect(errors['homeSafety.PETS.status']).toEqual(['Check pets: all 12 items are checked before completion.']);
    expect(errors['homeSafety.OXYGEN_SAFETY.status']).toHaveLength(1);
    expect(errors['homeSafety.GRAB_BARS.action']).toEqual(['Grab bars is a hazard: say what will be done about it.']);
    expect(errors['functional.FEEDING']).toEqual(['Rate eating: every activity is rated before completion.']);
    expect(errors.goals).toEqual(["The patient's own goals are missing."]);
    expect(errors['']).toEqual(['The request could not be read.']);
  });

  it('reads a stored assessment back into the form and lists its hazards with actions', () => {
    const stored: Assessment = {
      patientId: 'p1',
      status: 'IN_PROGRESS',
      baseline: [{ vital: 'SYSTOLIC_BP', value: 138 }],
      medicalHistory: 'Heart failure',
      functional: [{ activity: 'BATHING', level: 'DEPENDENT' }],
      homeSafety: [
        { item: 'LOOSE_RUGS', status: 'HAZARD', finding: 'Runner', action: 'Remove it' },
        { item: 'PETS', status: 'NOT_APPLICABLE' },
      ],
      goals: ['Walk to the mailbox', 'Stay home'],
    };
    const form = fromAssessment(stored);
    expect(form.baseline.SYSTOLIC_BP).toBe('138');
    expect(form.functional.BATHING).toBe('DEPENDENT');
    expect(form.homeSafety.PETS).toEqual({ status: 'NOT_APPLICABLE', finding: '', action: '' });
    expect(form.goals).toBe('Walk to the mailbox\nStay home');
    expect(hazardsOf(stored)).toEqual([{ item: 'LOOSE_RUGS', label: 'Loose rugs', finding: 'Runner', action: 'Remove it' }]);
  });
});
