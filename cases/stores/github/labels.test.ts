import { describe, expect, it } from 'vitest';
import { statuses } from '../../case.ts';
import { actionPointLabel, isOwnLabel, labelDefinitions, setupLabelDefinitions, workloadLabel } from './labels.ts';

const categories = [
  { id: 'onderhoud', label: { nl: 'Onderhoud en reparaties', en: 'Maintenance' } },
  { id: 'overlast', label: { nl: 'Overlast', en: 'Nuisance' } },
];

describe('labels', () => {
  it('defines the case label, one per status and one per category, with short descriptions', () => {
    const names = labelDefinitions(categories).map((label) => label.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'klacht',
        ...statuses.map((status) => `status: ${status}`),
        'categorie: onderhoud',
        'categorie: overlast',
      ]),
    );
    for (const label of labelDefinitions(categories)) {
      expect(label.description.length).toBeLessThanOrEqual(100);
      expect(label.color).toMatch(/^[0-9a-f]{6}$/);
      expect(isOwnLabel(label.name)).toBe(true);
    }
    expect(isOwnLabel('spoed')).toBe(false);
  });

  it('has setup create the action-point and workload labels too, which are never replaced on a case', () => {
    const definitions = setupLabelDefinitions(categories);
    expect(definitions.slice(0, -2)).toEqual(labelDefinitions(categories));
    expect(definitions.slice(-2).map((label) => label.name)).toEqual(['actiepunt', 'werkvoorraad']);
    expect(actionPointLabel).toBe('actiepunt');
    expect(isOwnLabel(actionPointLabel)).toBe(false);
    expect(isOwnLabel(workloadLabel)).toBe(false);
    for (const label of definitions) expect(label.description.length).toBeLessThanOrEqual(100);
  });
});
