// Fixed constants of the model. Each is documented, with its reason, in docs/model.md §Calibration.

/** The four service categories (MODEL.md §2). */
export const CATEGORIES = ['eldercare', 'disability', 'childrenYouth', 'communityAffairs'] as const;
export const K = CATEGORIES.length;

/** Brown & Potoski's two traits: how well output can be observed, and how costly a switch of provider is. */
export const MEASURABILITY = [0.8, 0.7, 0.6, 0.25];
export const ASSET_SPECIFICITY = [0.6, 0.7, 0.4, 0.2];
/** Suitability for purchase σ (MODEL.md §2): high where output is measurable and switching is cheap. */
export const SUITABILITY = [0.9, 0.8, 0.7, 0.3];
/** Quality of the traditional in-house supply. */
export const Q_GOV = [0.35, 0.35, 0.45, 0.6];
/** What is easy to show: events and visible eldercare centres more than disability home care. */
export const VISIBILITY = [0.3, 0.1, 0.25, 0.35];
/** Share of citizens with a need at the start. */
export const PREVALENCE = [0.08, 0.03, 0.05, 0.06];
/** Relative cost of serving one citizen for a month. */
export const COST_WEIGHT = [1.0, 1.4, 0.8, 0.6];

/** A district's monthly service budget, in money units (money is scale-free: unit costs scale with citizens). */
export const DISTRICT_BUDGET = 100;
/** At SO unit cost the whole budget would serve this share of the district's citizens each month. */
export const BUDGET_COVERAGE = 0.1;
/** In-house supply costs more per citizen served than contracted supply. */
export const GOV_COST_FACTOR = 1.25;

// Needs: monthly resolution chance r = R_BASE + R_QUALITY·q.
export const R_BASE = 0.04;
export const R_QUALITY = 0.06;
/**
 * Onset hazards are set so that prevalence is steady at the resolution rate of the starting world,
 * R_BASE + R_QUALITY × mean quality received by the needy (≈ 0.17): the run starts near its steady
 * state instead of warming up inside the index's reference year.
 */
export const R_REF = 0.05;
export const NEED_MIN = 0.2;
/** Satisfaction follows quality received (or 0 unserved) as an exponential average. */
export const SATISFACTION_RATE = 0.3;

// Purchase share (4.1).
export const INITIAL_PURCHASE_SHARE = 0.1;
export const PURCHASE_CAP = 0.8;
/** Service areas per district: the number of contracts a service-oriented buyer lets per category. */
export const AREAS = 2;
/** A showcase project's monthly money, as a share of the district's monthly budget. */
export const SMALL_PROJECT = 0.01;
/** Procedure: a base load per project, and overhead eating project money. */
export const BASE_PROCEDURE = 0.2;
export const OVERHEAD_BASE = 0.05;
export const OVERHEAD_POLITICAL = 0.25;
/** Compliance effort demanded by a project, at π(1 − partnership) = 1. */
export const COMPLIANCE_DEMAND = 0.3;
/** Effort each project held takes in reports of its own, whatever its size. */
export const PROJECT_REPORTING = 0.02;

// Award (4.3).
export const TIE_GAIN = 0.3;
export const TIE_DECAY = 0.8;
/** Steepness of the award urn's S-curve: γ = 1 + URN_STEEPNESS·λ. */
export const URN_STEEPNESS = 4;
export const AFFILIATION_BONUS = 0.5;
export const BID_NOISE = 0.15;

// Supervision (4.4).
export const OBSERVATION_NOISE = 0.3;
export const POOR_SCORE = 0.35;
export const TERMINATION_RATE = 0.15;
export const LATE_PAYMENT = 0.25;
export const PRICE_SQUEEZE = 0.1;

// SO adaptation (4.5).
export const LEARNING = 0.025;
export const TRAINING = 0.012;
export const CAPACITY_DECAY = 0.012;
/** Contract money a month that keeps a full SO team busy. */
export const FULL_TEAM_MONEY = 2;
export const AUTONOMY_RATE = 0.05;
export const AFFILIATED_AUTONOMY = 0.4;
export const EFFORT_LEARNING = 0.3;
/** An SO's own mission: the effort split it would choose unprompted, half of what it learns toward. */
export const MISSION = [0.7, 0.15, 0.15];
export const MISSION_WEIGHT = 0.5;
export const MIN_SERVICE_EFFORT = 0.15;
/** SOs keep this share of contract money as a management fee; the rest is spent on delivery. */
export const MANAGEMENT_FEE = 0.1;
/** Fixed costs: a core, plus staff that scale with skill and shrink when the SO is idle. */
export const FIXED_COST_BASE = 0.01;
export const FIXED_COST_CAPACITY = 0.08;
export const IDLE_STAFF = 0.25;
/**
 * Non-government revenue (fees, donations, matched funds) with no scarcity and no support: a little
 * at full skill, plus a match to the service the SO runs, so that a contracted SO gets 60-90 % of
 * its revenue from government at strong asymmetric dependence (docs/model.md).
 */
export const ALT_REVENUE = 0.1;
export const ALT_MATCH = 1;
export const PERFORMANCE_BONUS = 0.15;
export const MAX_CONTRACTS_BASE = 2;
export const MAX_CONTRACTS_CAPACITY = 10;

// Entry (4.6).
export const ENTRY_BASE = 1.5;
export const ENTRY_OPEN_MONEY = 3;
export const SPONSOR_CHANCE = 0.3;
export const DIRECT_REGISTRATION = 0.05;
export const INITIAL_AFFILIATED = 0.4;

// Involution index (§6).
export const EPSILON = 0.05;
export const REF_MONTHS = 12;
