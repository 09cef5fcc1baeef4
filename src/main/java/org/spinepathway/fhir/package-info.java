/**
 * FHIR R4 export: an episode of care as a Bundle (Patient, EpisodeOfCare, CarePlan, the intake and
 * check-ins as QuestionnaireResponses, measurements as Observations, interventions, flags and
 * referrals, contacts with the patient), with the clinic's questionnaires and code systems served
 * for validation. Voided records are exported as {@code entered-in-error}; a patient's own export
 * holds no escalation.
 */
package org.spinepathway.fhir;
