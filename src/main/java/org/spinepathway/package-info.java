/**
 * Spine Pathway: patient intake, conservative-care follow-up and surgical-referral escalation for
 * spine clinics. Packages go by feature ({@code platform}, {@code security}, {@code patient},
 * {@code intake}, {@code care}, {@code escalation}), then by role: {@code entity} (data),
 * {@code control} (logic, no JSF or HTTP), {@code boundary} (what other features call) and
 * {@code web} (JSF backing beans).
 */
package org.spinepathway;
