import { describe, expect, it } from 'vitest';
import { buildDemoCatalog } from '../../demo/catalog-data.js';
import { guideProblems } from './catalog.guide.js';
import type { Guide } from './catalog.schemas.js';

/* A licence result's field templates are checked when the guide is saved, not first at an approval. */

const food = (): Guide => {
  const item = buildDemoCatalog().items.find((i) => i.guide.result.licenseFields);
  if (!item) throw new Error('the demo catalogue has no item with licence field templates');
  return structuredClone(item.guide) as Guide;
};

describe('licence field templates (result.licenseFields)', () => {
  it('accept the demo food licence mapping', () => {
    expect(guideProblems(food())).toEqual([]);
  });

  it('name each unknown field, placeholder or stray brace with its place in the mapping', () => {
    const g = food();
    g.result.licenseFields = {
      ...g.result.licenseFields,
      legalRepresentative: '{form.legalRepNmae}',
      premises: '{applicant.address}',
      businessItems: ['{?form.hotFood:热食类食品制售}', '{form.coldFood'],
      dailySupervisor: '{department.name}',
    };
    expect(guideProblems(g)).toEqual([
      { field: 'guide.result.licenseFields.legalRepresentative', reason: "{form.legalRepNmae} names no field of the item's form" },
      { field: 'guide.result.licenseFields.premises', reason: expect.stringContaining('{applicant.address} is not a known placeholder') },
      { field: 'guide.result.licenseFields.businessItems.1', reason: 'a brace that is not part of a placeholder' },
    ]);
  });
});
