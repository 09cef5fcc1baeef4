/**
 * The intake: the patient's structured symptom history for an episode, filled step by step with
 * drafts saved as they go, scored (ODI/NDI, STarT Back) and screened for red flags on submission.
 */
package org.spinepathway.intake;
