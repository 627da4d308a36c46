/** The Quality tab: scorecards, the week's proposals and reviews, loaded and saved by the QualityController. */
import { html } from 'lit';
import type { AgentRole } from '../../../signaling/protocol/presence.js';
import type { ReviewInput, ScorecardInput } from '../../../signaling/protocol/quality.js';
import type { QualityController } from '../quality/quality-controller.js';

export function renderQualityTab(quality: QualityController, role: AgentRole) {
  return html`<sb-quality
    class="admin"
    .role=${role}
    .scorecards=${quality.scorecards}
    .sample=${quality.sample}
    .reviews=${quality.reviews}
    .status=${quality.status}
    .error=${quality.error}
    .onScore=${(input: ReviewInput) => quality.score(input, role)}
    .onSaveScorecard=${(id: string | undefined, input: ScorecardInput) => quality.saveScorecard(id, input, role)}
  ></sb-quality>`;
}
