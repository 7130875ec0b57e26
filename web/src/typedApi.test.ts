import { pathOf } from './typedApi';

describe('pathOf', () => {
  it('fills path parameters encoded, appends the query without empty values, and drops the /api prefix', () => {
    expect(pathOf('/api/patients/v1/patients/{patientId}/alerts', { path: { patientId: 'a b/c' }, query: { status: 'OPEN', page: 0, size: undefined } }))
      .toBe('/patients/v1/patients/a%20b%2Fc/alerts?status=OPEN&page=0');
  });

  it('repeats an array query parameter', () => {
    expect(pathOf('/api/scheduling/v1/visits', { query: { status: ['SCHEDULED', 'MISSED'] } })).toBe(
      '/scheduling/v1/visits?status=SCHEDULED&status=MISSED',
    );
  });

  it('refuses a missing path parameter instead of calling a wrong URL', () => {
    expect(() => pathOf('/api/patients/v1/patients/{patientId}', { path: {} })).toThrow('path parameter patientId is missing');
  });
});
