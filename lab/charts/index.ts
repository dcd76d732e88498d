// Every chart of the report and of the explorer's Compare, on Observable Plot: built in the
// document the caller passes (the browser's, or linkedom's in Node), each one SVG element.
export { DEFAULT_WIDTH, type Chart, type ChartContext } from './frame.ts';
export { fanChart, type FanChartData, type FanSeries } from './fan.ts';
export { barChart, type Bar, type BarChartData } from './bars.ts';
export { morrisChart, sobolChart, pairedChart, type AnalysisChartData, type MorrisRow, type SobolRow, type PairedRow } from './analysis.ts';
export { heatmap, type HeatmapData } from './heatmap.ts';
export { marginalChart, pairChart, predictiveChart, type MarginalData, type PairData, type PredictiveData } from './calibration.ts';
export {
  intervalChart,
  distributionChart,
  smootherChart,
  type IntervalChartData,
  type IntervalPoint,
  type DistributionRow,
  type SmootherData,
} from './designs.ts';
export { tradeoffChart, boxLimitsChart, scatterBoxChart, type TradeoffData, type TradeoffStep, type LimitRow, type ScatterBoxData } from './discovery.ts';
export { regretChart, type RegretRow } from './robustness.ts';
export { markup, esc } from './markup.ts';
export { ENGLISH, REPORT_MESSAGES, joined, type Words, type WordKey, type WordVars } from './words.ts';
export { PALETTE, SERIES, seriesColor, FONT, fmt } from './style.ts';
