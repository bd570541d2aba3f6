import { describe, expect, it } from 'vitest';
import { testHub } from '../../test/hub';
import { fromHub, parseDistricts, toHubSettings } from './hub-settings-form-values';

describe('the hub settings form’s districts', () => {
  it('reads one district a line (Chinese or Latin commas, blank lines skipped) and a short line keeps its gap for the server to name', () => {
    expect(parseDistricts('xihu, 西湖区, Xihu\n\n binjiang，滨江区，Binjiang \nlinan, 临安区')).toEqual([
      { code: 'xihu', name: { zh: '西湖区', en: 'Xihu' } },
      { code: 'binjiang', name: { zh: '滨江区', en: 'Binjiang' } },
      { code: 'linan', name: { zh: '临安区', en: '' } },
    ]);
    expect(parseDistricts('')).toEqual([]);
  });

  it('shows the hub’s list as lines and sends it back unchanged', () => {
    const districts = [
      { code: 'xihu', name: { zh: '西湖区', en: 'Xihu' } },
      { code: 'chunan', name: { zh: '淳安县', en: 'Chun’an County' } },
    ];
    const hub = testHub({ districts });
    const values = fromHub(hub);
    expect(values.districts).toBe('xihu, 西湖区, Xihu\nchunan, 淳安县, Chun’an County');
    expect(toHubSettings(values).districts).toEqual(districts);
  });
});
