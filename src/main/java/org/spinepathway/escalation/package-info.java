/**
 * Escalation: flags raised by the rules of escalation-rules.md on episodes that need a physician,
 * and the physician's worklist.
 */
package org.spinepathway.escalation;
