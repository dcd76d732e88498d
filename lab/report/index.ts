// The report's surface: the experiment's and the calibration's HTML pages built from data in memory,
// and the charts they draw (lab/charts/, on Observable Plot), in a document the caller passes. Apart
// from lab/index.ts so that the browser loads Plot only when it draws a chart or a report.
export { experimentReport, reportSections, type ExperimentReportInput, type ReportedExperiment } from './experiment.ts';
export type { Section } from './page.ts';
export { experimentFans, pairedExperimentFans, type FanSet, type PairedFanSet } from './fans.ts';
export type { ReportAnalysis } from './analyses.ts';
export { boxCharts, discoveredBoxes, type DiscoveredBox } from './designs.ts';
export { calibrationReport, calibrationSections, type CalibrationReportInput, type ReportedCalibration } from './calibration.ts';
export * from '../charts/index.ts';
