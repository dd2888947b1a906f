/** The training dashboard (/insights/training): its panels, in page order. */
import { startDashboard } from './dashboard.ts';
import { trainingPanels } from './panels-training.ts';

export function startTraining(): void {
  startDashboard(trainingPanels);
}
