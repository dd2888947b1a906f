/** The overview dashboard (/insights/): its panels, in page order. */
import { startDashboard } from './dashboard.ts';
import { headlinesPanel } from './headlines.ts';
import { deflectionPanel, laggardsPanel, leadersPanel, searchPanels, selfServicePanel, voteReasonsPanel } from './panels-self-service.ts';
import { gapsPanel, knownVsNewPanel, kpiPanels, linkRatePanel, lowHelpfulnessPanel, overduePanel, slaPanel } from './panels-support.ts';

export function startOverview(): void {
  startDashboard([
    headlinesPanel,
    selfServicePanel,
    deflectionPanel,
    leadersPanel,
    laggardsPanel,
    voteReasonsPanel,
    ...searchPanels,
    linkRatePanel,
    knownVsNewPanel,
    slaPanel,
    ...kpiPanels,
    overduePanel,
    lowHelpfulnessPanel,
    gapsPanel,
  ]);
}
