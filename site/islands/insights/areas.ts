/**
 * Which panels each dashboard page draws, in page order (docs/dashboards.md). A page fetches
 * the sources of its own panels only.
 */
import { startDashboard } from './dashboard.ts';
import { headlinesPanel } from './headlines.ts';
import type { InsightsPage } from './nav.ts';
import type { PanelSpec } from './panel.ts';
import { deflectionPanel, laggardsPanel, leadersPanel, searchPanels, selfServicePanel, voteReasonsPanel } from './panels-self-service.ts';
import {
  gapsPanel,
  knownVsNewPanel,
  kpiPanels,
  linkRatePanel,
  lowHelpfulnessPanel,
  openFlagsPanel,
  overduePanel,
  slaPanel,
} from './panels-support.ts';
import { scorecardPanels } from './panels-scorecards.ts';
import { trainingPanels } from './panels-training.ts';

export const AREA_PANELS: Record<Exclude<InsightsPage, 'report'>, PanelSpec[]> = {
  overview: [headlinesPanel],
  'self-service': [selfServicePanel, deflectionPanel, ...searchPanels],
  knowledge: [linkRatePanel, knownVsNewPanel, leadersPanel, laggardsPanel, voteReasonsPanel, openFlagsPanel],
  support: [slaPanel, ...kpiPanels],
  content: [overduePanel, lowHelpfulnessPanel, gapsPanel],
  training: trainingPanels,
  scorecards: scorecardPanels,
};

/** Starts the dashboard of one page. */
export function startArea(page: keyof typeof AREA_PANELS): void {
  startDashboard(AREA_PANELS[page]);
}
