/**
 * Follow-up: the invitations to each episode's check-ins (weekly while in care, outcome time points
 * after care start), their reminders and single-use links, and the completion figures staff read.
 * It sits above care: it reads care's schedule ({@code care.boundary.CheckInSchedule}) and opens
 * care's check-in form for a link; care knows nothing of it.
 */
package org.spinepathway.followup;
