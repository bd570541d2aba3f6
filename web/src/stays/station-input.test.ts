import { describe, expect, it } from 'vitest';
import { stationInputSchema } from '../../../contracts/stays';
import { StationLineError, stationInputFrom, type StationFormValues } from './station-input';

const values: StationFormValues = {
  nameZh: '测试驿站',
  nameEn: 'Test station',
  addressZh: '测试路1号',
  addressEn: '1 Test Road',
  district: 'Xihu',
  opensOn: '2026-12-01',
  minDegree: 'junior_college',
  maxNightsLifetime: '6',
  rooms: '1F = 12\n2F=8',
  blackouts: '2026-12-31..2027-01-02 New Year',
  photos: 'https://example.org/a.jpg',
};

describe('the new-station form', () => {
  it('reads rooms and blackouts one a line into what the API accepts', () => {
    const input = stationInputFrom(values);
    expect(input.rooms).toEqual([
      { name: '1F', beds: 12 },
      { name: '2F', beds: 8 },
    ]);
    expect(input.blackouts).toEqual([{ startsOn: '2026-12-31', endsOn: '2027-01-02', reason: 'New Year' }]);
    expect(input.rules).toMatchObject({ maxNightsPerStay: 6, maxNightsLifetime: 6, maxNightsPerYear: null });
    expect(stationInputSchema.safeParse(input).success).toBe(true);
  });

  it('names the list and line that does not parse', () => {
    const at = (patch: Partial<StationFormValues>) => {
      try {
        stationInputFrom({ ...values, ...patch });
      } catch (error) {
        return error instanceof StationLineError ? [error.field, error.line] : error;
      }
      return null;
    };
    expect(at({ rooms: '1F=12\nattic' })).toEqual(['rooms', 2]);
    expect(at({ blackouts: '2026-12-31 New Year' })).toEqual(['blackouts', 1]);
  });
});
