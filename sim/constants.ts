// The model's fixed tables: per-category data and units. Every scalar constant of behaviour lives in
// the parameter registry (sim/params.ts, group `calibration`), with its source, basis and prior range.

/** The four service categories (docs/model.md §2, §Constants). */
export const CATEGORIES = ['eldercare', 'disability', 'childrenYouth', 'communityAffairs'] as const;
export const K = CATEGORIES.length;

/** Brown & Potoski's two traits: how well output can be observed, and how costly a switch of provider is. */
export const MEASURABILITY = [0.8, 0.7, 0.6, 0.25];
export const ASSET_SPECIFICITY = [0.6, 0.7, 0.4, 0.2];
/** Suitability for purchase σ (docs/model.md §Constants): high where output is measurable and switching is cheap. */
export const SUITABILITY = [0.9, 0.8, 0.7, 0.3];
/** Quality of the traditional in-house supply. */
export const Q_GOV = [0.35, 0.35, 0.45, 0.6];
/** What is easy to show upward: events and visible eldercare centres more than disability home care. */
export const VISIBILITY = [0.3, 0.1, 0.25, 0.35];
/** Share of citizens with a need at the start. */
export const PREVALENCE = [0.08, 0.03, 0.05, 0.06];
/** Relative cost of serving one citizen for a month. */
export const COST_WEIGHT = [1.0, 1.4, 0.8, 0.6];
/** An SO's own mission: the effort split (service, compliance, relations) it would choose unprompted. */
export const MISSION = [0.7, 0.15, 0.15];

/** The unit of money: a district's monthly service budget in the first year (money is scale-free). */
export const DISTRICT_BUDGET = 100;
/** The index's reference: the mean of the first REF_MONTHS months (docs/model.md §7.11). */
export const REF_MONTHS = 12;

/**
 * Fewer bidders than this and an open tender fails (is void) under China's procurement rules (the
 * Government Procurement Law's implementing measures for tenders of goods and services): the buyer
 * then negotiates with whom it has: the model's buyer lets the project to the bidder most tied to it
 * (sim/award.ts, competitive). The count is a reporter's too (failedTenderShare), read against
 * published shares of failed tenders.
 */
export const MIN_TENDER_BIDDERS = 3;
