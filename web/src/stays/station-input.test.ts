import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { stationInputSchema } from '../../../contracts/stays';
import { stationFieldFor, stationInputFrom, type StationFormValues } from './station-input';

const values: StationFormValues = {
  nameZh: '测试驿站',
  nameEn: 'Test station',
  addressZh: '测试路1号',
  addressEn: '1 Test Road',
  district: 'xihu',
  opensOn: '2026-12-01',
  minDegree: 'junior_college',
  maxNightsLifetime: '6',
  rooms: [
    { name: ' 1F ', beds: '12' },
    { name: '2F', beds: ' 8' },
  ],
  blackouts: [{ range: [dayjs('2026-12-31'), dayjs('2027-01-02')], reason: ' New Year ' }],
  photos: [' https://example.org/a.jpg'],
};

describe('the new-station form', () => {
  it('reads the rows of rooms, closed days and photo links into what the API accepts', () => {
    const input = stationInputFrom(values);
    expect(input.rooms).toEqual([
      { name: '1F', beds: 12 },
      { name: '2F', beds: 8 },
    ]);
    expect(input.blackouts).toEqual([{ startsOn: '2026-12-31', endsOn: '2027-01-02', reason: 'New Year' }]);
    expect(input.photos).toEqual(['https://example.org/a.jpg']);
    expect(input.rules).toMatchObject({ maxNightsPerStay: 6, maxNightsLifetime: 6, maxNightsPerYear: null });
    expect(stationInputSchema.safeParse(input).success).toBe(true);
  });

  it('puts a server error under the row’s input', () => {
    expect(stationFieldFor('rooms.2.beds')).toEqual(['rooms', 2, 'beds']);
    expect(stationFieldFor('rooms.0.name')).toEqual(['rooms', 0, 'name']);
    expect(stationFieldFor('rooms')).toEqual(['rooms']);
    expect(stationFieldFor('blackouts.0.reason')).toEqual(['blackouts', 0, 'reason']);
    expect(stationFieldFor('blackouts.1.endsOn')).toEqual(['blackouts', 1, 'range']);
    expect(stationFieldFor('photos.3')).toEqual(['photos', 3]);
    expect(stationFieldFor('name.en')).toEqual(['nameEn']);
    expect(stationFieldFor('rules.noShowHour')).toEqual(['noShowHour']);
    expect(stationFieldFor('hub')).toBeNull();
  });
});
