/**
 * Care: the episode of care (one complaint of one patient, with its state), and later the
 * treatment plan and the assessments recorded in it.
 */
package org.spinepathway.care;
