/**
 * Care: the episode of care (one complaint of one patient, with its state), its treatment plan and
 * interventions, and the visits and check-ins recorded in it, with the progress chart and the
 * physiotherapist's caseload.
 */
package org.spinepathway.care;
