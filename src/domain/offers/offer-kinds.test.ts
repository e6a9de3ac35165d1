import { describe, expect, it } from 'vitest';
import { isOfferKind, OFFER_KIND_INFO, OFFER_KINDS } from './offer-kinds.ts';

describe('offer kinds', () => {
  it('has reference facts and a label key for every kind', () => {
    for (const kind of OFFER_KINDS) {
      expect(OFFER_KIND_INFO[kind].kind).toBe(kind);
      expect(OFFER_KIND_INFO[kind].labelKey).toBe(`offers.kind.${kind}`);
    }
    expect(Object.keys(OFFER_KIND_INFO).sort()).toEqual([...OFFER_KINDS].sort());
  });
  it('records company placement as 13 weeks extendable by 13, IGU as 2 years, and the sectors', () => {
    expect(OFFER_KIND_INFO.praktik_public).toMatchObject({ group: 'company_placement', sector: 'public', nominalWeeks: 13, extendableWeeks: 13 });
    expect(OFFER_KIND_INFO.igu.nominalWeeks).toBe(104);
    expect(OFFER_KIND_INFO.wage_subsidy_private.sector).toBe('private');
    expect(OFFER_KIND_INFO.introduction_course.group).toBe('guidance_upskilling');
  });
  it('recognises kinds', () => {
    expect(isOfferKind('igu')).toBe(true);
    expect(isOfferKind('nytteindsats')).toBe(false);
    expect(isOfferKind(3)).toBe(false);
  });
});
